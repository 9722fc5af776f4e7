using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Jobs;
using BuildingBlocks.Infrastructure.Reminders;
using Hangfire;
using Mediator;
using Microsoft.Extensions.Options;
using Partnerships.Application.Webhooks;
using Partnerships.Infrastructure.Reminders;
using Partnerships.Application.Conventions;

namespace Partnerships.Infrastructure.Jobs;

/// <summary>Every night: signed conventions whose effective date has come go into force, active ones past their expiry expire.</summary>
internal sealed class ConventionStatusJob(ISender sender)
{
    public const string Id = "partnerships-convention-statuses";

    public Task RunAsync(CancellationToken cancellationToken) => sender.Send(new RefreshConventionStatusesCommand(), cancellationToken).AsTask();
}

internal sealed class PartnershipsRecurringJobs(IOptions<WebhookOptions> webhooks, IOptions<ConventionReminderOptions> reminders) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<ConventionStatusJob>(
            ConventionStatusJob.Id,
            job => job.RunAsync(CancellationToken.None),
            "5 0 * * *",
            new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
        jobs.AddOrUpdate<WebhookDeliveryJob>(
            WebhookDeliveryJob.Id,
            job => job.RunAsync(CancellationToken.None),
            webhooks.Value.Cron,
            new RecurringJobOptions { TimeZone = MoroccanTime.Zone });
        ReminderJob.Schedule<ConventionRemindersJob>(jobs, ConventionRemindersJob.Id, reminders.Value.Cron, ConventionRemindersJob.SendId, reminders.Value.SendCron);
    }
}
