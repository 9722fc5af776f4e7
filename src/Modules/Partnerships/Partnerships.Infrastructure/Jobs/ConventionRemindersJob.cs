using Hangfire;
using Partnerships.Infrastructure.Reminders;

namespace Partnerships.Infrastructure.Jobs;

/// <summary>
/// The daily convention reminders (expiring soon, deliverables past due) to each convention's
/// manager, and the frequent pass that retries what could not be sent. Records make every run safe
/// to repeat: a second run, a retried job or another host's run sends nothing twice.
/// </summary>
public sealed class ConventionRemindersJob
{
    public const string Id = "partnerships-reminders";
    public const string SendId = "partnerships-reminders-send";

    private readonly ConventionReminders _reminders;

    internal ConventionRemindersJob(ConventionReminders reminders) => _reminders = reminders;

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
