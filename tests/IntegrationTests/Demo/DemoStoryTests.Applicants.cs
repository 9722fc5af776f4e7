using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Demo;

/// <summary>Its part of the demo story.</summary>
public sealed partial class DemoStoryTests
{
    [Fact]
    public async Task The_demo_seeds_project_holders_in_the_articles_provinces_each_seen_by_its_officer()
    {
        var api = _api;
        var admin = await api.AdminClientAsync();

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/applicants?pageSize=50");
        var provinces = all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("provinceCode").GetString()).ToList();
        provinces.Should().HaveCount(8).And.Contain(["03.531", "04.291", "02.381", "12.391"]);

        var officer = await api.ClientForAsync("officer.taounate@demo.local");
        var taounate = await officer.GetFromJsonAsync<JsonElement>("/api/v1/applicants?pageSize=50");
        taounate.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("provinceCode").GetString()).Should().HaveCount(3).And.OnlyContain(p => p == "03.531");
    }
}
