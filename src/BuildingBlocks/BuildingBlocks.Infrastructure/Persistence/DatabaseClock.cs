namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The system clock at PostgreSQL's precision: microseconds, where .NET counts in 100 ns ticks. A
/// time the application keeps in memory is then the time the database stores, so an answer mapped
/// from what a request has just saved (issue 13: the read-back a write used to make) says exactly
/// what a later read will, and comparing a stored time with a remembered one never fails on the
/// tenth of a microsecond.
/// </summary>
public sealed class DatabaseClock : TimeProvider
{
    public static DatabaseClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
