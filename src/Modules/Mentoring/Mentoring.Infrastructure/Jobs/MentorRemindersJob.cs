using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Jobs;
using BuildingBlocks.Infrastructure.Reminders;
using Hangfire;
using Mentoring.Infrastructure.Reminders;
using Microsoft.Extensions.Options;

namespace Mentoring.Infrastructure.Jobs;

/// <summary>The daily reminders to mentors (and escalations to coordinators), and the frequent pass that sends what was recorded meanwhile.</summary>
public sealed class MentorRemindersJob : ReminderJob
{
    public const string Id = "mentoring-reminders";
    public const string SendId = "mentoring-reminders-send";

    internal MentorRemindersJob(MentorReminders reminders)
        : base(reminders)
    {
    }
}

internal sealed class MentoringRecurringJobs(IOptions<MentorReminderOptions> options) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs)
    {
        ReminderJob.Schedule<MentorRemindersJob>(jobs, MentorRemindersJob.Id, options.Value.Cron, MentorRemindersJob.SendId, options.Value.SendCron);
    }
}
