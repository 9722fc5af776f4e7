using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Modules;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>A subscription as an operator sees it.</summary>
/// <param name="Module">The subscribing module, to name in a replay.</param>
/// <param name="Handler">The handler's name, to name in a replay.</param>
/// <param name="EventType">The name of the integration event it handles, as written in the outboxes.</param>
public sealed record SubscriptionDto(string Module, string Handler, string EventType) : IApiExample<SubscriptionDto>
{
    public static SubscriptionDto Example { get; } = new(
        "Reporting", "Reporting.Application.Partners.RecordPartner.PartnerRegisteredHandler", "partnerships.partner-registered.v1");
}

/// <summary>
/// Sends every event a handler subscribes to through it again, from the publishers' outboxes
/// (which keep what they relayed): how a read model is rebuilt or repaired. Handlers are
/// idempotent and order-tolerant, so a replay converges on the same state.
/// </summary>
public sealed class SubscriptionReplay(NpgsqlDataSource dataSource, ModuleCatalog modules, Subscriptions subscriptions, DispatchSignal signal, TimeProvider clock)
{
    public IReadOnlyList<SubscriptionDto> List() =>
        subscriptions.All
            .Select(s => new SubscriptionDto(s.Module.Name, s.HandlerName, s.EventTypeName))
            .OrderBy(s => s.Module, StringComparer.Ordinal).ThenBy(s => s.Handler, StringComparer.Ordinal).ThenBy(s => s.EventType, StringComparer.Ordinal)
            .ToList();

    /// <summary>Queues again every event of the handler's subscriptions; null when the module has no such handler.</summary>
    public async Task<long?> ReplayAsync(string moduleName, string handler, CancellationToken cancellationToken)
    {
        var module = modules.Named(moduleName);
        var targets = subscriptions.All.Where(s => s.Module == module && s.HandlerName == handler).ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long queued = 0;
        foreach (var target in targets)
        {
            // The publisher is the module whose Contracts declare the event.
            foreach (var source in modules.Modules.Where(m => m.ContractsAssembly == target.EventType.Assembly))
            {
                await using var command = new NpgsqlCommand(
                    $"""
                     INSERT INTO "{target.Module.Schema}".inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
                     SELECT id, $1, type, content, occurred_on, $2, 0 FROM "{source.Schema}".outbox_messages WHERE type = $3
                     ON CONFLICT (message_id, handler) DO UPDATE
                     SET processed_on = NULL, parked_on = NULL, attempts = 0, next_attempt_on = NULL, last_error = NULL, received_on = EXCLUDED.received_on
                     """,
                    connection,
                    transaction);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = target.HandlerName });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = target.EventTypeName });
                queued += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return queued;
    }
}
