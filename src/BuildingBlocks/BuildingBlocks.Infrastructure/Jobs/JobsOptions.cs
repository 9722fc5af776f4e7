namespace BuildingBlocks.Infrastructure.Jobs;

/// <summary>Configuration section <c>Hangfire</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary>Whether this host runs Hangfire workers (every host may; jobs are shared through PostgreSQL).</summary>
    public bool ServerEnabled { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How often idle workers look for queued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the scheduler looks for due recurring and delayed jobs.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}
