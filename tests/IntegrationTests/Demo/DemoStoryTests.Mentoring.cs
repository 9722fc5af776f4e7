using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Demo;

/// <summary>Its part of the demo story.</summary>
public sealed partial class DemoStoryTests
{
    [Fact]
    public async Task The_demo_seeds_mentors_in_the_articles_provinces_including_the_nador_incubator()
    {
        var api = _api;
        var admin = await api.AdminClientAsync();

        var mentors = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/mentors?pageSize=50")).GetProperty("items").EnumerateArray().ToList();

        mentors.Should().HaveCount(4);
        mentors.Select(m => m.GetProperty("provinces")[0].GetString()).Should().Contain(["02.381", "03.531", "12.391"]);
        mentors.Should().Contain(m => m.GetProperty("name").GetString()!.Contains("ATPE Nador") && m.GetProperty("language").GetString() == "ar");
    }
}
