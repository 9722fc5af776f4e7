using System.Text;
using BuildingBlocks.Infrastructure.Modules;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Moves committed integration events from each module's outbox to the inbox of every module
/// that subscribes, one statement per batch: it takes the rows (<c>FOR UPDATE SKIP LOCKED</c>,
/// so several hosts relay at once without taking the same rows), inserts them into every
/// subscriber's inbox and marks them relayed, all in PostgreSQL — one round trip and one implicit
/// transaction, the payload never travelling through the host (issue 13: it was a SELECT, a batch
/// of inserts and a COMMIT, three round trips carrying the payload twice). Delivery is at least
/// once, and the inbox key (message id, handler) makes a second delivery a no-op.
/// </summary>
/// <remarks>
/// A row of a type this host does not know (written by a newer release during a rolling
/// deployment, or under a name that was changed without a migration) is neither relayed nor
/// marked: it stays pending, never forgotten, until a host that knows the type relays it.
/// </remarks>
public sealed class OutboxRelay(NpgsqlDataSource dataSource, ModuleCatalog modules, Subscriptions subscriptions, TimeProvider clock)
{
    private readonly string[] _knownTypes = [.. subscriptions.EventTypes.Keys];

    // Per subscribing module: the event types it takes and, beside each, the handler's name.
    private readonly List<(string Schema, string[] Types, string[] Handlers)> _inboxes = InboxesOf(subscriptions);

    // One statement per outbox, built once: it depends only on the subscriptions, fixed at start.
    private readonly Dictionary<string, string> _statements = modules.Modules
        .ToDictionary(m => m.Schema, m => StatementOf(m.Schema, InboxesOf(subscriptions)), StringComparer.Ordinal);

    /// <summary>Relays one batch from every outbox; returns how many outbox rows it handled.</summary>
    public async Task<int> RelayAsync(int batchSize, CancellationToken cancellationToken)
    {
        var relayed = 0;
        foreach (var module in modules.Modules)
        {
            relayed += await RelayAsync(module, batchSize, null, cancellationToken);
        }

        return relayed;
    }

    /// <summary>
    /// Relays one batch from <paramref name="module"/>'s outbox and adds to
    /// <paramref name="deliveredTo"/> the schema of every module whose inbox it wrote to, once
    /// committed: the inbox wakes those alone. Returns how many outbox rows it handled; fewer than
    /// <paramref name="batchSize"/> means none was left that this host could take.
    /// </summary>
    public async Task<int> RelayAsync(ModuleDefinition module, int batchSize, ISet<string>? deliveredTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var relay = new NpgsqlCommand(_statements[module.Schema], connection);
        relay.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        relay.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = _knownTypes });
        relay.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
        foreach (var (_, types, handlers) in _inboxes)
        {
            relay.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types });
            relay.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = handlers });
        }

        var relayed = 0;
        var relayedTypes = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await relay.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                relayed++;
                relayedTypes.Add(reader.GetString(0));
            }
        }

        if (deliveredTo is not null)
        {
            foreach (var type in relayedTypes)
            {
                deliveredTo.UnionWith(subscriptions.For(type).Select(s => s.Module.Schema));
            }
        }

        return relayed;
    }

    private static List<(string Schema, string[] Types, string[] Handlers)> InboxesOf(Subscriptions subscriptions) => [.. subscriptions.All
        .GroupBy(s => s.Module.Schema, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => (g.Key, g.Select(s => s.EventTypeName).ToArray(), g.Select(s => s.HandlerName).ToArray()))];

    /// <summary>
    /// The relay statement of one outbox: the same text at every call, so Npgsql prepares it once
    /// per connection. Schemas are the modules' constants, never input; everything else is a
    /// parameter: $1 the time, $2 the known types, $3 the batch size, then per inbox its types and handlers.
    /// </summary>
    private static string StatementOf(string schema, List<(string Schema, string[] Types, string[] Handlers)> inboxes)
    {
        var sql = new StringBuilder(
            $"""
             WITH taken AS (
                 SELECT id, type, content, occurred_on FROM "{schema}".outbox_messages
                 WHERE processed_on IS NULL AND type = ANY($2)
                 ORDER BY occurred_on, id
                 LIMIT $3
                 FOR UPDATE SKIP LOCKED)
             """);
        for (var i = 0; i < inboxes.Count; i++)
        {
            sql.Append(
                $"""
                 ,
                 delivered_{i} AS (
                     INSERT INTO "{inboxes[i].Schema}".inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
                     SELECT t.id, s.handler, t.type, t.content, t.occurred_on, $1, 0
                     FROM taken t JOIN unnest(${4 + (2 * i)}::text[], ${5 + (2 * i)}::text[]) AS s(type, handler) ON s.type = t.type
                     ON CONFLICT DO NOTHING)
                 """);
        }

        sql.Append(
            $"""

             UPDATE "{schema}".outbox_messages AS o SET processed_on = $1
             FROM taken t WHERE o.id = t.id
             RETURNING t.type
             """);
        return sql.ToString();
    }
}
