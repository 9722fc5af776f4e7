using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Infrastructure.Modules;
using Financing.Infrastructure;
using IntegrationTests.Applicants;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Infrastructure;

namespace IntegrationTests.Financing;

/// <summary>
/// Financing's Decisions stage of the demo story on applications of its own (Applicants' demo
/// applications come with that lane): committees, balanced plans, first tranches, Dakhla's loans
/// in every state and the one arrears episode told at the FollowUp stage; told twice, it changes nothing.
/// </summary>
public sealed class DemoDecisionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_decisions_stage_approves_most_rejects_one_defers_one_pays_first_tranches_and_leaves_one_Dakhla_loan_in_arrears()
    {
        var admin = await api.AdminClientAsync();
        var configuration = api.Services.GetRequiredService<IConfiguration>();
        var applications = new Dictionary<string, List<Guid>>();

        Task Tell() => DemoStory.TellAsync(
            api.Services,
            async stage =>
            {
                if (stage == DemoStage.Reference)
                {
                    await PartnershipsModule.SeedDemoDataAsync(api.Services, configuration, stage, CancellationToken.None);
                }

                if (stage == DemoStage.Registrations && applications.Count == 0)
                {
                    applications["ADS-INITIATIVE-DAKHLA-2025"] = await EligibleApplicationsAsync(admin, "ADS-INITIATIVE-DAKHLA-2025", "12.391.01.01", 4);
                    applications["INDH-AGR-TAOUNATE-2025"] = await EligibleApplicationsAsync(admin, "INDH-AGR-TAOUNATE-2025", "03.531.01.01", 3);
                }

                await FinancingModule.SeedDemoDataAsync(api.Services, configuration, stage, CancellationToken.None);
            },
            CancellationToken.None);

        await Tell();
        await Tell();

        var committees = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/committees?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        committees.Should().HaveCount(2);
        foreach (var committee in committees)
        {
            committee.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("outcome").GetString())
                .Should().Contain(["Approved", "Rejected", "Deferred"]);
        }

        var dakhla = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/programmes?q=DAKHLA")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{dakhla}/budget");
        budget.GetProperty("committed").GetDecimal().Should().BeGreaterThan(0m);
        budget.GetProperty("disbursed").GetDecimal().Should().Be(decimal.Round(budget.GetProperty("committed").GetDecimal() * 0.60m, 2));

        var loans = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?programmeId={dakhla}")).GetProperty("items").EnumerateArray().ToList();
        loans.Should().HaveCount(2).And.OnlyContain(l => l.GetProperty("repayments").GetArrayLength() == 1);
        loans.Select(l => l.GetProperty("arrearsBucket").GetString()).Should().BeEquivalentTo(["current", "31-60"]);
        loans.Select(l => l.GetProperty("status").GetString()).Should().BeEquivalentTo(["Repaid", "Active"]);
        (await api.ScalarAsync<long>("SELECT count(*) FROM financing.outbox_messages WHERE type = 'financing.loan-fell-into-arrears.v1'")).Should().Be(1);
        var portfolio = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{dakhla}/portfolio");
        portfolio.GetProperty("portfolioAtRisk30").GetDecimal().Should().BeGreaterThan(0m);
        await Eventually.Until(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applications["ADS-INITIATIVE-DAKHLA-2025"][0]}"),
            a => a.GetProperty("stage").GetString() == "Financed");
    }

    private async Task<List<Guid>> EligibleApplicationsAsync(HttpClient admin, string code, string commune, int count)
    {
        var programme = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes?q={code}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var holder = await ApplicationData.PersonAsync(admin, ApplicationData.Person(commune));
            var id = (await ApplicationData.SubmitAsync(admin, ApplicationData.Application(programme, holder, commune))).GetProperty("id").GetGuid();
            // Eligibility is assessed by staff in Applicants; the committee needs only the stage.
            await api.ExecuteAsync($"UPDATE applicants.applications SET stage = 'Eligible' WHERE id = '{id}'");
            ids.Add(id);
        }

        return ids;
    }
}
