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

    [Fact]
    public async Task The_demo_committees_approve_most_applications_with_balanced_plans_pay_first_tranches_and_lend_in_Dakhla()
    {
        var admin = await _api.AdminClientAsync();
        var programmes = await DemoProgrammesAsync(admin);
        var applications = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/applications?pageSize=1")).GetProperty("totalCount").GetInt64();
        var committees = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/committees?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(c => programmes.Values.Any(p => p.GetProperty("id").GetGuid() == c.GetProperty("programmeId").GetGuid()))
            .ToList();
        if (applications == 0)
        {
            // Without Applicants' demo applications nothing awaits a decision, and no committee sits.
            committees.Should().BeEmpty();
            return;
        }

        committees.Should().NotBeEmpty();
        foreach (var committee in committees)
        {
            var decisions = committee.GetProperty("decisions").EnumerateArray().ToList();
            decisions.Should().Contain(d => d.GetProperty("outcome").GetString() == "Approved");
            if (decisions.Count >= 3)
            {
                decisions.Select(d => d.GetProperty("outcome").GetString()).Should().Contain(["Rejected", "Deferred"]);
            }

            foreach (var approved in decisions.Where(d => d.GetProperty("outcome").GetString() == "Approved"))
            {
                var financing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/financings/{approved.GetProperty("financingId").GetGuid()}");
                var lines = financing.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal());
                lines.Should().Be(financing.GetProperty("totalCost").GetDecimal());
                financing.GetProperty("tranches")[0].GetProperty("disbursedOn").ValueKind.Should().Be(JsonValueKind.String);
            }
        }

        var dakhla = programmes["ADS-INITIATIVE-DAKHLA-2025"].GetProperty("id").GetGuid();
        if (committees.Any(c => c.GetProperty("programmeId").GetGuid() == dakhla))
        {
            var loans = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?programmeId={dakhla}&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
            loans.Should().NotBeEmpty().And.OnlyContain(l => l.GetProperty("repayments").GetArrayLength() == 1 && l.GetProperty("annualRate").GetDecimal() == 0m);
            loans.Count(l => l.GetProperty("arrearsBucket").GetString() == "31-60").Should().Be(1);
            if (loans.Count >= 2)
            {
                // Loans repaid and in arrears (a revision's cancelled loans come only from a revision).
                loans.Select(l => l.GetProperty("status").GetString()).Should().Contain(["Repaid", "Active"]);
            }

            var portfolio = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{dakhla}/portfolio");
            portfolio.GetProperty("portfolioAtRisk30").GetDecimal().Should().BeGreaterThan(0m);
            (await _api.ScalarAsync<long>("SELECT count(*) FROM financing.outbox_messages WHERE type = 'financing.loan-fell-into-arrears.v1'")).Should().Be(1);
        }
    }

    private static async Task<Dictionary<string, JsonElement>> DemoProgrammesAsync(HttpClient admin)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/programmes?pageSize=100");
        return page.GetProperty("items").EnumerateArray()
            .Where(p => DemoProgrammeCodes.Contains(p.GetProperty("code").GetString()))
            .ToDictionary(p => p.GetProperty("code").GetString()!);
    }
}
