using Hangfire;

namespace BuildingBlocks.Infrastructure.Jobs;

/// <summary>
/// A module's recurring jobs, registered at start-up. Each job body is one line that sends a
/// command, and must be safe to run twice: Hangfire delivers at least once.
/// </summary>
public interface IRecurringJobs
{
    void Register(IRecurringJobManager jobs);
}
