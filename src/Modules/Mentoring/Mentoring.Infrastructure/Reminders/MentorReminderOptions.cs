namespace Mentoring.Infrastructure.Reminders;

/// <summary>Configuration section <c>Mentoring:Reminders</c>.</summary>
public sealed class MentorReminderOptions
{
    public const string Section = "Mentoring:Reminders";

    /// <summary>When the daily reminders go out (cron, Africa/Casablanca time): 08:00 by default.</summary>
    public string Cron { get; set; } = "0 8 * * *";

    /// <summary>How often reminders recorded meanwhile (arrears alerts) and those to retry are sent.</summary>
    public string SendCron { get; set; } = "*/5 * * * *";

    /// <summary>Visits due within this many days are listed (3 by default), with those overdue.</summary>
    public int DueWithinDays { get; set; } = 3;

    /// <summary>Visits overdue by more than this many days are escalated to the programme's coordinator.</summary>
    public int EscalateAfterDays { get; set; } = 14;
}
