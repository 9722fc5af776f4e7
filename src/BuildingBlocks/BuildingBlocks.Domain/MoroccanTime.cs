namespace BuildingBlocks.Domain;

/// <summary>
/// The agency's time zone (Africa/Casablanca): the one in which a person reads an instant (API
/// dates) and in which schedules run (recurring jobs, due dates). Instants are stored in UTC.
/// </summary>
public static class MoroccanTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
