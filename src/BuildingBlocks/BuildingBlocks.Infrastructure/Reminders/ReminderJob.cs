using BuildingBlocks.Domain;
using Hangfire;

namespace BuildingBlocks.Infrastructure.Reminders;

/// <summary>A module's reminders: what it records each day in its ledger, and the pass that sends what was recorded.</summary>
public interface IReminderSource
{
    /// <summary>Records today's reminders (once each, whatever the number of runs); answers how many are new.</summary>
    Task<int> RecordDailyAsync(CancellationToken cancellationToken);

    /// <summary>Sends what is recorded and due, through the module's ledger.</summary>
    Task<ReminderPass> SendPendingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The two Hangfire jobs of a module that sends reminders: the daily one records and sends, the
/// frequent one sends what was recorded meanwhile or is due again. A pass that leaves reminders to
/// retry fails, so Hangfire retries the daily job with its back-off; the ledger's records make
/// every run safe to repeat (a second run, a retried job or another host's run sends nothing twice).
/// A module derives its own job (its ids, its source); Hangfire reads the retry attributes from
/// these methods, which the derived job inherits as they are.
/// </summary>
public abstract class ReminderJob
{
    private readonly IReminderSource _source;

    protected ReminderJob(IReminderSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600])]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _source.RecordDailyAsync(cancellationToken);
        await SendPendingAsync(cancellationToken);
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        var pass = await _source.SendPendingAsync(cancellationToken);
        if (pass.Retrying > 0)
        {
            throw new InvalidOperationException($"{pass.Retrying} reminder(s) could not be sent yet; they are retried.");
        }
    }

    /// <summary>Schedules a module's two reminder jobs, in Moroccan time.</summary>
    public static void Schedule<TJob>(IRecurringJobManager jobs, string id, string cron, string sendId, string sendCron)
        where TJob : ReminderJob
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<TJob>(id, job => job.RunAsync(CancellationToken.None), cron, new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
        jobs.AddOrUpdate<TJob>(sendId, job => job.SendPendingAsync(CancellationToken.None), sendCron, new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
    }
}
