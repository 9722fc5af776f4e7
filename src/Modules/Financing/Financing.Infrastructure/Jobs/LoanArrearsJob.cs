using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Jobs;
using BuildingBlocks.Infrastructure.Messaging;
using Financing.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Financing.Infrastructure.Jobs;

/// <summary>When the arrears job runs.</summary>
public sealed class LoanArrearsOptions
{
    public const string Section = "Financing:Arrears";

    /// <summary>When every loan is aged (cron, Africa/Casablanca time): 01:30 by default, before the mentors' reminders.</summary>
    public string Cron { get; set; } = "30 1 * * *";
}

/// <summary>What one ageing pass did.</summary>
/// <param name="AsOf">The Moroccan day the loans were aged for.</param>
/// <param name="Aged">How many active loans were aged.</param>
/// <param name="FellIntoArrears">How many opened an arrears episode and were told to the other modules.</param>
public sealed record LoanAgeingPass(DateOnly AsOf, int Aged, int FellIntoArrears);

/// <summary>The daily ageing of every loan; safe to run twice a day (the second pass changes nothing and tells nothing).</summary>
public sealed class LoanArrearsJob
{
    public const string Id = "financing-loan-arrears";

    private readonly LoanAgeing _ageing;

    internal LoanArrearsJob(LoanAgeing ageing) => _ageing = ageing;

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 900, 3600])]
    public Task<LoanAgeingPass> RunAsync(CancellationToken cancellationToken) => _ageing.AgeAsync(cancellationToken);
}

/// <summary>
/// Ages every active loan in two statements of one transaction, however many loans there are (a
/// loan per transaction would take hours at a hundred thousand): the first sets each loan's days
/// past due (of its oldest instalment not paid off), bucket, amount overdue and arrears episode;
/// the second marks the loans whose episode has not been told yet and writes their
/// <c>financing.loan-fell-into-arrears</c> events to the outbox, so an episode is told once
/// however often the job runs, and again only after the loan was current in between.
/// </summary>
internal sealed class LoanAgeing(IServiceScopeFactory scopes, TimeProvider clock, DispatchSignal signal)
{
    public async Task<LoanAgeingPass> AgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var asOf = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var aged = await db.Database.ExecuteSqlAsync($"""
            UPDATE financing.loans l SET
                days_past_due = a.days,
                arrears_bucket = CASE WHEN a.days <= 0 THEN 'current' WHEN a.days <= 30 THEN '1-30' WHEN a.days <= 60 THEN '31-60' WHEN a.days <= 90 THEN '61-90' ELSE '90+' END,
                amount_overdue = a.overdue,
                in_arrears_since = CASE WHEN a.days > 0 THEN coalesce(l.in_arrears_since, a.oldest) END,
                aged_on = {asOf}
            FROM (
                SELECT loan.id, coalesce({asOf} - min(i.due_on), 0) AS days, coalesce(sum(i.amount - i.paid), 0) AS overdue, min(i.due_on) AS oldest
                FROM financing.loans loan
                LEFT JOIN financing.loan_instalments i ON i.loan_id = loan.id AND i.due_on < {asOf} AND i.paid < i.amount
                WHERE loan.status = 'Active'
                GROUP BY loan.id
            ) a
            WHERE l.id = a.id
            """, cancellationToken);
        var told = await db.Database.ExecuteSqlAsync($"""
            WITH told AS (
                UPDATE financing.loans SET arrears_reported_for = in_arrears_since
                WHERE status = 'Active' AND in_arrears_since IS NOT NULL AND arrears_reported_for IS DISTINCT FROM in_arrears_since
                RETURNING id, application_id, programme_id, days_past_due, arrears_bucket, amount_overdue
            )
            INSERT INTO financing.outbox_messages (id, type, content, occurred_on)
            SELECT e.id, 'financing.loan-fell-into-arrears.v1',
                jsonb_build_object('id', e.id, 'loanId', t.id, 'applicationId', t.application_id, 'programmeId', t.programme_id,
                    'daysPastDue', t.days_past_due, 'bucket', t.arrears_bucket, 'amountOverdue', t.amount_overdue,
                    'asOf', {asOf}, 'occurredOn', {now}),
                {now}
            FROM told t CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) e
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (told > 0)
        {
            signal.Notify();
        }

        return new LoanAgeingPass(asOf, aged, told);
    }
}

internal sealed class FinancingRecurringJobs(IOptions<LoanArrearsOptions> options) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<LoanArrearsJob>(LoanArrearsJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.Cron, new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
}
