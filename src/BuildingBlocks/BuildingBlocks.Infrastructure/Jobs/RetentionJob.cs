using BuildingBlocks.Domain;
using Hangfire;

namespace BuildingBlocks.Infrastructure.Jobs;

/// <summary>Every hour, prunes what has outlived its retention (<see cref="Retention"/>).</summary>
public sealed class RetentionJob(Retention retention)
{
    public const string Id = "retention";

    // A failed run is not retried: the next hour's run deletes the same rows.
    [AutomaticRetry(Attempts = 0)]
    public Task PruneAsync(CancellationToken cancellationToken) => retention.PruneAsync(cancellationToken);
}

internal sealed class RetentionRecurringJobs : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RetentionJob>(
            RetentionJob.Id,
            job => job.PruneAsync(CancellationToken.None),
            Cron.Hourly(17),
            new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
}
