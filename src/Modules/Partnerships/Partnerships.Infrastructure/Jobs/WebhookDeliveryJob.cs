using Hangfire;
using Partnerships.Infrastructure.Webhooks;

namespace Partnerships.Infrastructure.Jobs;

/// <summary>
/// Every minute: posts the webhook deliveries that are due. The back-off lives in each delivery's
/// next attempt time, not in Hangfire's retries, so that a project's deliveries keep their order
/// and every attempt is logged; a run that dies is simply the next minute's run.
/// </summary>
public sealed class WebhookDeliveryJob
{
    public const string Id = "partnerships-webhooks";

    private readonly WebhookSender _sender;

    internal WebhookDeliveryJob(WebhookSender sender) => _sender = sender;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<WebhookPass> RunAsync(CancellationToken cancellationToken) => _sender.SendDueAsync(cancellationToken);
}
