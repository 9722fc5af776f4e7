using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// The background dispatcher, two loops: the relay copies outboxes to inboxes until none is left,
/// then sleeps until a commit wakes it or the poll interval passes; the inbox loop handles inboxes
/// until none is left, then sleeps until the relay wakes it or the poll interval passes (other
/// hosts' relays and due retries). Apart, because one after the other the relay waited for every
/// inbox pass, which under request load capped both at one batch per pass (issue 13). A database
/// outage is logged and waited out; the host keeps running and resumes by itself.
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

        var relayed = new DispatchSignal();
        await Task.WhenAll(
            LoopAsync(
                async ct =>
                {
                    var count = await relay.RelayAsync(settings.BatchSize, ct);
                    if (count > 0)
                    {
                        relayed.Notify();
                    }

                    return count;
                },
                signal,
                settings.PollInterval,
                stoppingToken),
            LoopAsync(ct => inbox.ProcessAsync(settings.BatchSize, ct), relayed, settings.PollInterval, stoppingToken));
    }

    private async Task LoopAsync(Func<CancellationToken, Task<int>> pass, DispatchSignal wake, TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        // Off the caller's synchronous part: both loops start at once.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await pass(stoppingToken) > 0)
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

            await wake.WaitAsync(pollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The message dispatcher is disabled on this host (Messaging:DispatcherEnabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The message dispatcher could not run; it retries at the next poll")]
    private static partial void LogUnavailable(ILogger logger, Exception error);
}
