namespace IntegrationTests.Infrastructure;

/// <summary>Values unique to one test, so tests sharing a database never see each other's rows.</summary>
public static class Data
{
    private static int _province = Random.Shared.Next(100, 900);

    /// <summary>A province code of the right shape that no real province has (real ones are 01–12.xxx).</summary>
    public static string UniqueProvince() => $"9{Random.Shared.Next(0, 10)}.{Interlocked.Increment(ref _province) % 1000:000}";

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    /// <summary>
    /// Today as the host reckons it: the date in Morocco (UTC+1), not in UTC. Between 23:00 and
    /// midnight UTC the two differ, and a date "today" in UTC is yesterday to the host.
    /// </summary>
    public static DateOnly Today() => DateOnly.FromDateTime(BuildingBlocks.Domain.MoroccanTime.ToLocal(DateTimeOffset.UtcNow).DateTime);

    public static object Partner(string? name = null, string type = "Association", string? province = null, string? nameAr = null) =>
        new { name = name ?? UniqueName("Association"), nameAr, type, provinceCode = province };
}
