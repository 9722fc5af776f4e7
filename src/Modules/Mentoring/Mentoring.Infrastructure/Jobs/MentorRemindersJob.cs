using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Jobs;
using Hangfire;
using Mentoring.Infrastructure.Reminders;
using Microsoft.Extensions.Options;

namespace Mentoring.Infrastructure.Jobs;

/// <summary>
/// The daily reminders to mentors (and escalations to coordinators), and the frequent pass that
/// sends what was recorded meanwhile. A pass that leaves reminders to retry fails, so Hangfire
/// retries the job with its back-off; records make every run safe to repeat.
/// </summary>
public sealed class MentorRemindersJob
{
    public const string Id = "mentoring-reminders";
    public const string SendId = "mentoring-reminders-send";

    private readonly MentorReminders _reminders;

    internal MentorRemindersJob(MentorReminders reminders) => _reminders = reminders;

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600])]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _reminders.RecordDailyAsync(cancellationToken);
        await SendPendingAsync(cancellationToken);
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        var pass = await _reminders.SendPendingAsync(cancellationToken);
        if (pass.Retrying > 0)
        {
            throw new InvalidOperationException($"{pass.Retrying} reminder(s) could not be sent yet; they are retried.");
        }
    }
}

internal sealed class MentoringRecurringJobs(IOptions<MentorReminderOptions> options) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<MentorRemindersJob>(MentorRemindersJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.Cron, new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
        jobs.AddOrUpdate<MentorRemindersJob>(MentorRemindersJob.SendId, job => job.SendPendingAsync(CancellationToken.None), options.Value.SendCron, new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
    }
}
