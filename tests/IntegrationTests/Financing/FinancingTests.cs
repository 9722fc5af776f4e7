using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Domain;
using Financing.Application.Financings.ApproveFinancing;
using Financing.Contracts;
using Financing.Domain.Financings;
using IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Financing;

public sealed class FinancingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Approving_a_plan_commits_the_grant_splits_it_in_tranches_and_publishes_the_approval()
    {
        var admin = await api.AdminClientAsync();
        var (programmeId, indh) = await OpenProgrammeAsync(admin, 1_000_000.00m);
        var applicationId = Guid.NewGuid();

        var financingId = await ApproveAsync(programmeId, applicationId, 100_000.01m,
            Grant(indh, 60_000.01m), Own(20_000.00m), new(PlanLineSource.OwnContributionInKind, null, 10_000.00m), new(PlanLineSource.Loan, null, 10_000.00m, 0m, 24, 3));

        var financing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/financings/{financingId}");
        financing.GetProperty("applicationId").GetGuid().Should().Be(applicationId);
        financing.GetProperty("grantAmount").GetRawText().Should().Be("60000.01");
        financing.GetProperty("ownContribution").GetRawText().Should().Be("30000.00");
        financing.GetProperty("loanAmount").GetRawText().Should().Be("10000.00");
        financing.GetProperty("lines").GetArrayLength().Should().Be(4);
        financing.GetProperty("tranches").EnumerateArray().Select(t => (t.GetProperty("amount").GetDecimal(), t.GetProperty("requiresPositiveVisit").GetBoolean()))
            .Should().Equal((36_000.01m, false), (24_000.00m, true));
        var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/budget");
        budget.GetProperty("committed").GetRawText().Should().Be("60000.01");
        budget.GetProperty("remaining").GetRawText().Should().Be("939999.99");
        var approved = await api.ScalarAsync<string>(
            $"SELECT content::text FROM financing.outbox_messages WHERE type = 'financing.application-approved.v1' AND content->>'applicationId' = '{applicationId}'");
        var content = JsonDocument.Parse(approved!).RootElement;
        content.GetProperty("followUp").GetProperty("monthlyVisitsForMonths").GetInt32().Should().Be(6);
        content.GetProperty("followUp").GetProperty("quarterlyVisitsUntilMonth").GetInt32().Should().Be(24);
        content.GetProperty("coordinatorEmail").GetString().Should().Be("coordination@indh-taounate.ma");
        content.GetProperty("grantAmount").GetDecimal().Should().Be(60_000.01m);
    }

    [Theory]
    [InlineData("100000.00", "60000.00", "30000.00", "plan.unbalanced")]
    [InlineData("100000.00", "75000.00", "25000.00", "plan.own-contribution-under-rate")]
    [InlineData("300000.00", "200000.01", "99999.99", "plan.grant-over-maximum")]
    public async Task A_plan_that_breaks_a_rule_is_refused_with_the_rule_named(string totalText, string grantText, string ownText, string rule)
    {
        var (total, grant, own) = (Amount(totalText), Amount(grantText), Amount(ownText));
        var admin = await api.AdminClientAsync();
        var (programmeId, indh) = await OpenProgrammeAsync(admin, 1_000_000.00m);

        var approving = () => ApproveAsync(programmeId, Guid.NewGuid(), total, Grant(indh, grant), Own(own));

        (await approving.Should().ThrowAsync<BusinessRuleException>()).Which.Code.Should().Be(rule);
        (await api.ScalarAsync<decimal>($"SELECT sum(committed) FROM financing.programme_funders WHERE programme_id = '{programmeId}'")).Should().Be(0m);
    }

    [Fact]
    public async Task Two_approvals_at_once_against_the_last_of_an_envelope_one_wins_and_the_other_is_a_conflict()
    {
        var admin = await api.AdminClientAsync();
        for (var race = 0; race < 3; race++)
        {
            var (programmeId, indh) = await OpenProgrammeAsync(admin, 100_000.00m);
            await ApproveAsync(programmeId, Guid.NewGuid(), 80_000.00m, Grant(indh, 40_000.00m), Own(40_000.00m));

            // Two officers approve at the same instant, each a grant of the 60,000 MAD left.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var approvals = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await ApproveAsync(programmeId, Guid.NewGuid(), 120_000.00m, Grant(indh, 60_000.00m), Own(60_000.00m));
                    return "approved";
                }
                catch (Exception e) when (e is ConflictException or DbUpdateConcurrencyException)
                {
                    return "conflict";
                }
            })).ToList();
            start.SetResult();
            var outcomes = await Task.WhenAll(approvals);

            outcomes.Should().BeEquivalentTo(["approved", "conflict"]);
            var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/budget");
            budget.GetProperty("committed").GetRawText().Should().Be("100000.00");
            budget.GetProperty("remaining").GetRawText().Should().Be("0.00");
            (await api.ScalarAsync<long>($"SELECT count(*) FROM financing.financings WHERE programme_id = '{programmeId}'")).Should().Be(2);
        }
    }

    [Fact]
    public async Task Tranches_are_paid_once_in_order_and_the_conditional_one_after_a_positive_visit()
    {
        var admin = await api.AdminClientAsync("en");
        var (programmeId, indh) = await OpenProgrammeAsync(admin, 1_000_000.00m);
        var applicationId = Guid.NewGuid();
        var financingId = await ApproveAsync(programmeId, applicationId, 100_000.00m, Grant(indh, 70_000.00m), Own(30_000.00m));
        var payment = new { disbursedOn = "2026-03-20", paymentReference = "VIR-2026-000418" };

        var first = await admin.PostAsJsonAsync($"/api/v1/financings/{financingId}/tranches/1/disburse", payment);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var paid = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tranches")[0];
        paid.GetProperty("disbursedOn").GetString().Should().Be("2026-03-20");
        paid.GetProperty("paymentReference").GetString().Should().Be("VIR-2026-000418");
        paid.GetProperty("disbursedBy").ValueKind.Should().Be(JsonValueKind.String);

        var twice = await admin.PostAsJsonAsync($"/api/v1/financings/{financingId}/tranches/1/disburse", payment);
        twice.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(twice)).Code.Should().Be("tranche.already-disbursed");

        var early = await admin.PostAsJsonAsync($"/api/v1/financings/{financingId}/tranches/2/disburse", payment);
        early.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(early)).Code.Should().Be("tranche.awaiting-positive-visit");

        await VisitReportedAsync(applicationId, positive: false);
        await VisitReportedAsync(applicationId, positive: true);
        await Eventually.Until(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/v1/financings/{financingId}"),
            f => f.GetProperty("tranches")[1].GetProperty("releasedByVisitOn").ValueKind == JsonValueKind.String);

        var second = await admin.PostAsJsonAsync($"/api/v1/financings/{financingId}/tranches/2/disburse", payment with { paymentReference = "VIR-2026-000977" });
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/budget");
        budget.GetProperty("disbursed").GetRawText().Should().Be("70000.00");
        (await api.ScalarAsync<long>(
            $"SELECT count(*) FROM financing.outbox_messages WHERE type = 'financing.tranche-disbursed.v1' AND content->>'financingId' = '{financingId}'")).Should().Be(2);
        (await admin.PostAsJsonAsync($"/api/v1/financings/{financingId}/tranches/3/disburse", payment)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Applicants_learns_which_holders_are_already_financed()
    {
        var admin = await api.AdminClientAsync();
        var (programmeId, indh) = await OpenProgrammeAsync(admin, 1_000_000.00m);
        var holder = Guid.NewGuid();
        await ApproveAsync(programmeId, Guid.NewGuid(), 10_000.00m, holder, Grant(indh, 7_000.00m), Own(3_000.00m));
        await using var scope = api.Services.CreateAsyncScope();

        var financed = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FindFinancedHoldersQuery([holder, Guid.NewGuid()]));

        financed.Should().Equal(holder);
    }

    [Fact]
    public async Task An_officer_reads_only_the_financings_of_his_provinces()
    {
        var admin = await api.AdminClientAsync();
        var (programmeId, indh) = await OpenProgrammeAsync(admin, 1_000_000.00m);
        var financingId = await ApproveAsync(programmeId, Guid.NewGuid(), 10_000.00m, Grant(indh, 7_000.00m), Own(3_000.00m));
        var elsewhere = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "02.381"));
        var here = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));

        (await elsewhere.GetAsync($"/api/v1/financings/{financingId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await here.GetAsync($"/api/v1/financings/{financingId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static PlanLineInput Grant(Guid funder, decimal amount) => new(PlanLineSource.FunderGrant, funder, amount);

    private static decimal Amount(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static PlanLineInput Own(decimal amount) => new(PlanLineSource.OwnContributionCash, null, amount);

    private async Task<(Guid ProgrammeId, Guid Funder)> OpenProgrammeAsync(HttpClient admin, decimal envelope)
    {
        var funder = await ProgrammeData.FunderAsync(admin);
        var id = (await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate(ProgrammeData.UniqueCode(), (funder, envelope)))).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/programmes/{id}/open", null)).EnsureSuccessStatusCode();
        return (id, funder);
    }

    private Task<Guid> ApproveAsync(Guid programmeId, Guid applicationId, decimal total, params PlanLineInput[] lines) =>
        ApproveAsync(programmeId, applicationId, total, Guid.NewGuid(), lines);

    /// <summary>What a committee's decision sends once it has read the application (the decisions endpoint comes with committees).</summary>
    private async Task<Guid> ApproveAsync(Guid programmeId, Guid applicationId, decimal total, Guid holder, params PlanLineInput[] lines)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        return await sender.Send(new ApproveFinancingCommand(programmeId, applicationId, null, "Person", holder, "Crafts", "03.531.01.01", "03.531", total, lines));
    }

    /// <summary>Mentoring reports a visit for real: the event is written to its outbox, and the relay delivers it.</summary>
    private Task VisitReportedAsync(Guid applicationId, bool positive)
    {
        var id = Guid.CreateVersion7();
        var content = JsonSerializer.Serialize(new
        {
            id,
            visitId = Guid.NewGuid(),
            applicationId,
            mentorId = Guid.NewGuid(),
            visitedOn = "2026-05-04",
            mode = "OnSite",
            enterpriseState = "Active",
            monthlyRevenue = 4_500.00m,
            jobsHeldByWomen = 1,
            jobsHeldByMen = 0,
            positive,
            planCompleted = false,
            occurredOn = "2026-05-04T17:00:00+01:00",
        });
        return api.ExecuteAsync(
            $"INSERT INTO mentoring.outbox_messages (id, type, content, occurred_on) VALUES ('{id}', 'mentoring.visit-reported.v1', '{content}'::jsonb, now())");
    }
}
