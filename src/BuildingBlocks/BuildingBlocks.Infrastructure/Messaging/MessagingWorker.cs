using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// The background dispatcher: relays outboxes to inboxes, then handles inboxes, until both are
/// empty; then sleeps until a commit wakes it or the poll interval passes. A database outage is
/// logged and waited out; the host keeps running and resumes by itself.
/// </summary>
internal sealed partial class MessagingWorker(
    OutboxRelay relay,
    InboxProcessor inbox,
    DispatchSignal signal,
    IOptions<MessagingOptions> options,
    ILogger<MessagingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            LogDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await relay.RelayAsync(settings.BatchSize, stoppingToken);
                var handled = await inbox.ProcessAsync(settings.BatchSize, stoppingToken);
                if (relayed + handled > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogUnavailable(logger, ex);
            }

            await signal.WaitAsync(settings.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The message dispatcher is disabled on this host (Messaging:DispatcherEnabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The message dispatcher could not run; it retries at the next poll")]
    private static partial void LogUnavailable(ILogger logger, Exception error);
}
