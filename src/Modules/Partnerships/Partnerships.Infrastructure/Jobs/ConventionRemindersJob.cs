using BuildingBlocks.Infrastructure.Reminders;
using Partnerships.Infrastructure.Reminders;

namespace Partnerships.Infrastructure.Jobs;

/// <summary>The daily convention reminders (expiring soon, deliverables past due) to each convention's manager, and the frequent pass that retries what could not be sent.</summary>
public sealed class ConventionRemindersJob : ReminderJob
{
    public const string Id = "partnerships-reminders";
    public const string SendId = "partnerships-reminders-send";

    internal ConventionRemindersJob(ConventionReminders reminders)
        : base(reminders)
    {
    }
}
