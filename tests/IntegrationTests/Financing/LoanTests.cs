using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Financing.Application.Financings.ApproveFinancing;
using Financing.Domain.Financings;
using Financing.Infrastructure.Jobs;
using IntegrationTests.Infrastructure;
using IntegrationTests.Mentoring;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Financing;

public sealed class LoanFactory : ApiFactory
{
    public LoanFactory()
    {
        // Near the real time: tokens issued on the fake clock are checked against the real one, so
        // a test signs in first and moves the clock afterwards.
        Clock = new SettableClock(Start);
    }

    public static DateTimeOffset Start { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

    public SettableClock FakeClock => (SettableClock)Clock!;
}

/// <summary>Honour and partner loans: made from a plan's loan lines, repaid oldest instalment first, aged every day set-based.</summary>
public sealed class LoanTests(LoanFactory api) : IClassFixture<LoanFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(BuildingBlocks.Domain.MoroccanTime.ToLocal(LoanFactory.Start).DateTime);

    [Fact]
    public async Task An_approved_plans_loan_line_becomes_a_loan_whose_schedule_repays_its_principal_exactly()
    {
        var admin = await api.AdminClientAsync();
        var (programmeId, indh) = await OpenProgrammeAsync(admin);
        var financingId = await ApproveAsync(programmeId, 100_000.00m, Grant(indh, 60_000.00m), Own(30_000.00m), HonourLoan(10_000.00m, 12, 2));

        var loans = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?programmeId={programmeId}");
        loans.GetProperty("totalCount").GetInt64().Should().Be(1);
        var loan = loans.GetProperty("items")[0];
        loan.GetProperty("financingId").GetGuid().Should().Be(financingId);
        loan.GetProperty("principal").GetRawText().Should().Be("10000.00");
        loan.GetProperty("annualRate").GetDecimal().Should().Be(0m);
        loan.GetProperty("status").GetString().Should().Be("Active");
        loan.GetProperty("arrearsBucket").GetString().Should().Be("current");

        var schedule = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loan.GetProperty("id").GetGuid()}/schedule");
        var instalments = schedule.GetProperty("instalments").EnumerateArray().ToList();
        instalments.Should().HaveCount(10);
        instalments.Sum(i => i.GetProperty("principal").GetDecimal()).Should().Be(10_000.00m);
        instalments[0].GetProperty("dueOn").GetString().Should().Be(Today.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        instalments.Select(i => i.GetProperty("amount").GetRawText()).Should().OnlyContain(a => a == "1000.00");
        (await admin.GetAsync($"/api/v1/loans/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_repayment_pays_the_oldest_instalment_first_more_than_owed_is_refused_and_a_repaid_loan_takes_nothing_more()
    {
        var admin = await api.AdminClientAsync("en");
        var (programmeId, indh) = await OpenProgrammeAsync(admin);
        await ApproveAsync(programmeId, 10_000.00m, Grant(indh, 4_000.00m), Own(3_000.00m), HonourLoan(3_000.00m, 3, 0));
        var loanId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?programmeId={programmeId}")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var partial = await RepayAsync(admin, loanId, 1_500.00m, "REC-1");
        partial.StatusCode.Should().Be(HttpStatusCode.OK);
        var afterPartial = await partial.Content.ReadFromJsonAsync<JsonElement>();
        afterPartial.GetProperty("repaid").GetRawText().Should().Be("1500.00");
        afterPartial.GetProperty("outstandingPrincipal").GetRawText().Should().Be("1500.00");
        var schedule = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/schedule");
        schedule.GetProperty("instalments").EnumerateArray().Select(i => i.GetProperty("paid").GetDecimal()).Should().Equal(1_000.00m, 500.00m, 0m);

        // The same request retried with its key is recorded once.
        (await RepayAsync(admin, loanId, 1_500.00m, "REC-1", key: "retry-1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await RepayAsync(admin, loanId, 1_500.00m, "REC-1", key: "retry-1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("repaid").GetRawText().Should().Be("3000.00");

        var closed = await RepayAsync(admin, loanId, 1.00m, "REC-3");
        closed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(closed)).Code.Should().Be("loan.closed");
        var loan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        loan.GetProperty("status").GetString().Should().Be("Repaid");
        loan.GetProperty("repayments").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task More_than_what_is_still_owed_is_refused_with_the_rule_named()
    {
        var admin = await api.AdminClientAsync();
        var (programmeId, indh) = await OpenProgrammeAsync(admin);
        await ApproveAsync(programmeId, 10_000.00m, Grant(indh, 4_000.00m), Own(3_000.00m), HonourLoan(3_000.00m, 3, 0));
        var loanId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?programmeId={programmeId}")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var over = await RepayAsync(admin, loanId, 3_000.01m, "REC-9");

        over.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(over)).Code.Should().Be("loan.repayment-over-outstanding");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("repaid").GetRawText().Should().Be("0.00");
    }

    [Fact]
    public async Task The_daily_job_ages_every_loan_tells_an_arrears_episode_once_and_the_portfolio_shows_the_risk_over_30_days()
    {
        var admin = await api.AdminClientAsync();
        var (programmeId, indh) = await OpenProgrammeAsync(admin);
        await ApproveAsync(programmeId, 10_000.00m, Grant(indh, 4_000.00m), Own(3_000.00m), HonourLoan(3_000.00m, 3, 0));
        await ApproveAsync(programmeId, 10_000.00m, Grant(indh, 6_000.00m), Own(3_000.00m), HonourLoan(1_000.00m, 12, 6));
        var loans = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?programmeId={programmeId}&sort=-outstandingPrincipal")).GetProperty("items");
        var late = loans[0].GetProperty("id").GetGuid();

        try
        {
            // Forty days after the first instalment fell due, nothing paid.
            var firstDue = Today.AddMonths(1);
            api.FakeClock.SetUtcNow(new DateTimeOffset(firstDue.AddDays(40).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            await AgeAsync();
            await AgeAsync();

            var aged = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{late}");
            aged.GetProperty("daysPastDue").GetInt32().Should().Be(40);
            aged.GetProperty("arrearsBucket").GetString().Should().Be("31-60");
            aged.GetProperty("amountOverdue").GetRawText().Should().Be("2000.00");
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?programmeId={programmeId}&bucket=31-60")).GetProperty("totalCount").GetInt64().Should().Be(1);
            (await ArrearsEventsAsync(late)).Should().Be(1);
            var portfolio = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/portfolio");
            portfolio.GetProperty("activeLoans").GetInt32().Should().Be(2);
            portfolio.GetProperty("outstandingPrincipal").GetRawText().Should().Be("4000.00");
            portfolio.GetProperty("atRisk30").GetRawText().Should().Be("3000.00");
            portfolio.GetProperty("portfolioAtRisk30").GetDecimal().Should().Be(0.75m);

            // Caught up, then late again: a new episode, told once more.
            (await RepayAsync(admin, late, 2_000.00m, "REC-20")).StatusCode.Should().Be(HttpStatusCode.OK);
            await AgeAsync();
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{late}")).GetProperty("arrearsBucket").GetString().Should().Be("current");
            api.FakeClock.SetUtcNow(new DateTimeOffset(firstDue.AddMonths(2).AddDays(5).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            await AgeAsync();
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{late}")).GetProperty("arrearsBucket").GetString().Should().Be("1-30");
            (await ArrearsEventsAsync(late)).Should().Be(2);
        }
        finally
        {
            api.FakeClock.SetUtcNow(LoanFactory.Start);
        }
    }

    private async Task AgeAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoanArrearsJob>().RunAsync(CancellationToken.None);
    }

    private Task<long> ArrearsEventsAsync(Guid loanId) => api.ScalarAsync<long>(
        $"SELECT count(*) FROM financing.outbox_messages WHERE type = 'financing.loan-fell-into-arrears.v1' AND content->>'loanId' = '{loanId}'");

    private static Task<HttpResponseMessage> RepayAsync(HttpClient client, Guid loanId, decimal amount, string reference, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/repayments")
        {
            Content = JsonContent.Create(new { amount, paidOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reference }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    private static PlanLineInput Grant(Guid funder, decimal amount) => new(PlanLineSource.FunderGrant, funder, amount);

    private static PlanLineInput Own(decimal amount) => new(PlanLineSource.OwnContributionCash, null, amount);

    private static PlanLineInput HonourLoan(decimal amount, int term, int grace) => new(PlanLineSource.Loan, null, amount, 0m, term, grace);

    private static async Task<(Guid ProgrammeId, Guid Funder)> OpenProgrammeAsync(HttpClient admin)
    {
        var funder = await ProgrammeData.FunderAsync(admin);
        var id = (await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate(ProgrammeData.UniqueCode(), (funder, 1_000_000.00m)))).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/programmes/{id}/open", null)).EnsureSuccessStatusCode();
        return (id, funder);
    }

    private async Task<Guid> ApproveAsync(Guid programmeId, decimal total, params PlanLineInput[] lines)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        return await sender.Send(new ApproveFinancingCommand(programmeId, Guid.NewGuid(), null, "Person", Guid.NewGuid(), "Crafts", "03.531.01.01", "03.531", total, lines));
    }
}
