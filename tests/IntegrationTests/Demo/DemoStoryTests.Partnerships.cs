using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Infrastructure.Modules;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Infrastructure;

namespace IntegrationTests.Demo;

/// <summary>Its part of the demo story: the articles' partners with their kinds, and their conventions.</summary>
public sealed partial class DemoStoryTests
{
    [Fact]
    public async Task The_demo_seeds_the_articles_partners_with_their_kinds_and_their_conventions_in_several_states()
    {
        var admin = await _api.AdminClientAsync();
        var partners = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/partners?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        string TypeOf(string name) => partners.Single(p => p.GetProperty("name").GetString() == name || string.Equals(p.GetProperty("acronym").GetString(), name, StringComparison.OrdinalIgnoreCase)).GetProperty("type").GetString()!;
        TypeOf("ATPE").Should().Be("SocialIncubator");
        TypeOf("Conseil provincial de Nador").Should().Be("ProvincialCouncil");
        TypeOf("CPDH Taounate").Should().Be("PublicAgency");
        TypeOf("HCAR").Should().Be("PublicAgency");
        TypeOf("OIT").Should().Be("InternationalOrganisation");
        TypeOf("CAM").Should().Be("Bank");

        var conventions = await ConventionsAsync(admin);
        var framework = conventions["ADS-HCAR-2021/CC"];
        framework.GetProperty("kind").GetString().Should().Be("Framework");
        framework.GetProperty("status").GetString().Should().Be("Active");
        var frameworkId = framework.GetProperty("id").GetGuid();
        var committee = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{frameworkId}/committee");
        committee.GetProperty("members").GetArrayLength().Should().Be(3);
        committee.GetProperty("meetings").GetArrayLength().Should().Be(1);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{frameworkId}/action-plans"))[0].GetProperty("year").GetInt32().Should().Be(2026);

        var nador = conventions["NADOR-ATPE-2025/AGR"];
        nador.GetProperty("status").GetString().Should().Be("Active");
        nador.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("role").GetString()).Should().BeEquivalentTo(["Funder", "Incubator"]);
        var obligations = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{nador.GetProperty("id").GetGuid()}/obligations");
        obligations.EnumerateArray().Select(o => o.GetProperty("status").GetString()).Should().Equal("Done", "Late");

        var dakhla = conventions.Where(c => c.Key.StartsWith("DAKHLA-INIT-2025/", StringComparison.Ordinal)).Select(c => c.Value).ToList();
        dakhla.Should().HaveCount(4);
        dakhla.Should().OnlyContain(c => c.GetProperty("signedOn").GetString() == "2025-03-04", "all four were signed on the programme's launch day");
        dakhla.Select(c => c.GetProperty("status").GetString()).Should().BeEquivalentTo(["Active", "Active", "Expired", "Terminated"]);
        var today = Data.Today();
        var expiring = DateOnly.Parse(conventions["DAKHLA-INIT-2025/02"].GetProperty("expiresOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        expiring.Should().BeOnOrAfter(today.AddDays(-1)).And.BeOnOrBefore(today.AddDays(60), "the demo shows a convention whose expiry reminder is due");
        conventions["TAOUNATE-INDH-2025/AGR"].GetProperty("status").GetString().Should().Be("Draft");

        // Telling the story again creates nothing twice.
        var configuration = _api.Services.GetRequiredService<IConfiguration>();
        await PartnershipsModule.SeedDemoDataAsync(_api.Services, configuration, DemoStage.Reference, CancellationToken.None);
        (await ConventionsAsync(admin)).Keys.Should().BeEquivalentTo(conventions.Keys);
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/partners?pageSize=100")).GetProperty("items").GetArrayLength().Should().Be(partners.Count);
    }

    private static async Task<Dictionary<string, JsonElement>> ConventionsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/conventions?pageSize=100")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("reference").GetString()!, c => c);
}
