using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Infrastructure.Modules;
using Financing.Infrastructure;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Demo;

/// <summary>Financing's part of the demo story: the articles' programmes, their committees, plans, tranches and loans.</summary>
public sealed partial class DemoStoryTests
{
    private static readonly string[] DemoProgrammeCodes =
        ["INDH-AGR-TAOUNATE-2025", "INDH-AGR-NADOR-2025", "ADS-INITIATIVE-DAKHLA-2025", "HCAR-AGR-KHEMISSET-2021"];

    [Fact]
    public async Task The_demo_opens_the_articles_programmes_with_their_funders_and_envelopes_once()
    {
        var admin = await _api.AdminClientAsync();

        var programmes = await DemoProgrammesAsync(admin);
        programmes.Keys.Should().BeEquivalentTo(DemoProgrammeCodes);
        programmes.Values.Should().OnlyContain(p => p.GetProperty("status").GetString() == "Open");

        var taounate = programmes["INDH-AGR-TAOUNATE-2025"];
        taounate.GetProperty("ownContributionRate").GetDecimal().Should().Be(0.30m);
        taounate.GetProperty("provinceCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("03.531");
        var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{taounate.GetProperty("id").GetGuid()}/budget");
        budget.GetProperty("envelope").GetDecimal().Should().Be(5_000_000.00m);
        budget.GetProperty("funders").EnumerateArray().Select(f => f.GetProperty("name").GetString())
            .Should().BeEquivalentTo("Initiative Nationale pour le Développement Humain", "Conseil provincial de Taounate");

        programmes["INDH-AGR-NADOR-2025"].GetProperty("targetCategories").EnumerateArray().Select(c => c.GetString())
            .Should().BeEquivalentTo("WomanInDifficultSituation", "PersonWithDisability");
        programmes["ADS-INITIATIVE-DAKHLA-2025"].GetProperty("instruments").EnumerateArray().Select(c => c.GetString())
            .Should().Contain("HonourLoan");
        programmes["HCAR-AGR-KHEMISSET-2021"].GetProperty("startsOn").GetString().Should().Be("2021-11-01");

        // A second start finds them by code and leaves them as they are.
        await FinancingModule.SeedDemoDataAsync(_api.Services, _api.Services.GetRequiredService<IConfiguration>(), DemoStage.Programmes, CancellationToken.None);
        (await DemoProgrammesAsync(admin)).Should().HaveCount(4);
    }

    private static async Task<Dictionary<string, JsonElement>> DemoProgrammesAsync(HttpClient admin)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/programmes?pageSize=100");
        return page.GetProperty("items").EnumerateArray()
            .Where(p => DemoProgrammeCodes.Contains(p.GetProperty("code").GetString()))
            .ToDictionary(p => p.GetProperty("code").GetString()!);
    }
}
