using Applicants.Infrastructure.Imports;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Applicants.Infrastructure.Jobs;

/// <summary>
/// Hands to a worker again every import left behind: received and committed Queued but never
/// enqueued (the host died between the two), or Running with no worker holding it (the worker
/// died, or Hangfire gave up its retries), once it is older than <see cref="PersonImportOptions.StuckAfter"/>.
/// An import a worker holds is left alone (its <see cref="PersonImportClaim"/> is taken). Safe to
/// run twice and on several hosts: a second job for the same import finds it taken or done, and
/// lines already done are never registered again. Answers the imports it re-enqueued.
/// </summary>
public sealed partial class StuckImportsJob(
    NpgsqlDataSource dataSource,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<PersonImportOptions> options,
    ILogger<StuckImportsJob> logger)
{
    public const string Id = "applicants-stuck-imports";

    private const int MaxPerSweep = 100;

    [AutomaticRetry(Attempts = 0)]
    public async Task<IReadOnlyList<Guid>> RunAsync(CancellationToken cancellationToken)
    {
        var stuck = await UnheldImportsAsync(clock.GetUtcNow() - options.Value.StuckAfter, cancellationToken);
        foreach (var importId in stuck)
        {
            jobs.Enqueue<PersonImportJob>(job => job.RunAsync(importId, CancellationToken.None));
        }

        if (stuck.Count > 0)
        {
            LogSwept(logger, stuck.Count);
        }

        return stuck;
    }

    /// <summary>
    /// The imports not completed, received before <paramref name="before"/>, that no worker holds:
    /// the lock is tried for the length of one statement's transaction, and is free again when the
    /// jobs are enqueued.
    /// </summary>
    private async Task<List<Guid>> UnheldImportsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = string.Format(System.Globalization.CultureInfo.InvariantCulture, PersonImportClaim.KeySql, "old.id");
        await using var query = new NpgsqlCommand(
            $"""
             SELECT old.id FROM (
                 SELECT id FROM applicants.person_imports
                 WHERE status <> 'Completed' AND received_on < $1
                 ORDER BY received_on
                 LIMIT {MaxPerSweep}
             ) old
             WHERE pg_try_advisory_xact_lock({key})
             """,
            connection,
            transaction);
        query.Parameters.Add(new NpgsqlParameter { Value = before });
        var found = new List<Guid>();
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetGuid(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return found;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} imports were stuck (queued but never taken, or abandoned by their worker) and were handed to a worker again")]
    private static partial void LogSwept(ILogger logger, int count);
}

internal sealed class ApplicantsRecurringJobs(IOptions<PersonImportOptions> options) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<StuckImportsJob>(StuckImportsJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.SweepCron, new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
}
