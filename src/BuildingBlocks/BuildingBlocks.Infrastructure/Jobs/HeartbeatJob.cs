using BuildingBlocks.Domain;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.Infrastructure.Jobs;

/// <summary>Runs every minute to prove that the workers run; visible in the dashboard's succeeded jobs.</summary>
public sealed partial class HeartbeatJob(TimeProvider clock, ILogger<HeartbeatJob> logger)
{
    public const string Id = "heartbeat";

    [AutomaticRetry(Attempts = 0)]
    public Task BeatAsync()
    {
        LogBeat(logger, MoroccanTime.ToLocal(clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hangfire heartbeat at {Now:O} (Africa/Casablanca)")]
    private static partial void LogBeat(ILogger logger, DateTimeOffset now);
}

internal sealed class HeartbeatRecurringJobs : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<HeartbeatJob>(
            HeartbeatJob.Id,
            job => job.BeatAsync(),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
}
