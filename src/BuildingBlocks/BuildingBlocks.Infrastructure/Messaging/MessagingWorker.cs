using BuildingBlocks.Infrastructure.Modules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// The background dispatcher: the relay loop copies outboxes to inboxes until none is left, then
/// sleeps until a commit wakes it or the poll interval passes; each subscribing module's inbox has
/// a loop of its own, which drains it until none is left, then sleeps until the relay writes to
/// that inbox or the poll interval passes (other hosts' relays and due retries). Apart, because one
/// after the other the relay waited for every inbox pass, which under request load capped both at
/// one batch per pass, and a busy inbox would hold up the others (issue 13). A wake names what
/// changed — the outboxes commits wrote to, the inboxes the relay wrote to — and only those are
/// asked: an empty transaction per module and wake costs round trips the requests wait behind.
/// A database outage is logged and waited out; the host keeps running and resumes by itself.
/// </summary>
internal sealed partial class MessagingWorker(
    OutboxRelay relay,
    InboxProcessor inbox,
    ModuleCatalog modules,
    Subscriptions subscriptions,
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

        var inboxes = subscriptions.SubscribingModules.ToDictionary(m => m.Schema, _ => new DispatchSignal(), StringComparer.Ordinal);
        await Task.WhenAll([
            RelayLoopAsync(inboxes, settings, stoppingToken),
            .. subscriptions.SubscribingModules.Select(module => InboxLoopAsync(module, inboxes[module.Schema], settings.PollInterval, stoppingToken)),
        ]);
    }

    private async Task RelayLoopAsync(Dictionary<string, DispatchSignal> inboxes, MessagingOptions settings, CancellationToken stoppingToken)
    {
        // Off the caller's synchronous part: all loops start at once.
        await Task.Yield();
        IReadOnlySet<string>? named = null; // null: every outbox (at start, after a poll interval)
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var module in modules.Modules)
                {
                    if (named is not null && !named.Contains(module.Schema))
                    {
                        continue;
                    }

                    var delivered = new HashSet<string>(StringComparer.Ordinal);
                    if (await relay.RelayAsync(module, settings.BatchSize, delivered, stoppingToken) == settings.BatchSize)
                    {
                        more.Add(module.Schema);
                    }

                    foreach (var schema in delivered)
                    {
                        inboxes.GetValueOrDefault(schema)?.Notify();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogUnavailable(logger, ex);
                more.Clear();
            }

            if (more.Count > 0)
            {
                // A full batch: that outbox may hold more. The outboxes named meanwhile come along.
                more.UnionWith(signal.TakeNamed());
                named = more;
                continue;
            }

            named = await signal.WaitAsync(settings.PollInterval, stoppingToken);
        }
    }

    private async Task InboxLoopAsync(ModuleDefinition module, DispatchSignal wake, TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Returns when its workers find no full batch left: what the relay writes meanwhile
                // has left a wake behind, so waiting next misses nothing.
                await inbox.DrainAsync(module, int.MaxValue, stoppingToken);
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
