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

        mentors.Should().HaveCount(5);
        mentors.Select(m => m.GetProperty("provinces")[0].GetString()).Should().Contain(["02.381", "03.531", "04.291", "12.391"]);
        var atpe = mentors.Should().ContainSingle(m => m.GetProperty("name").GetString()!.Contains("ATPE Nador")).Subject;
        atpe.GetProperty("language").GetString().Should().Be("ar");
        // Its organisation, found in Partnerships by acronym.
        var partner = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{atpe.GetProperty("organisationId").GetGuid()}");
        partner.GetProperty("acronym").GetString().Should().Be("ATPE");
        mentors.Should().OnlyContain(m => m.GetProperty("organisationId").ValueKind == JsonValueKind.String);
    }
}
