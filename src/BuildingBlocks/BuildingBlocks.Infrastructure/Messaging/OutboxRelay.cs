using BuildingBlocks.Infrastructure.Modules;
using Npgsql;
using NpgsqlTypes;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Moves committed integration events from each module's outbox to the inbox of every module
/// that subscribes, in one transaction per batch. <c>FOR UPDATE SKIP LOCKED</c> lets several
/// hosts relay at once without taking the same rows; delivery is at least once, and the inbox
/// key (message id, handler) makes a second delivery a no-op.
/// </summary>
/// <remarks>
/// A row of a type this host does not know (written by a newer release during a rolling
/// deployment, or under a name that was changed without a migration) is neither relayed nor
/// marked: it stays pending, never forgotten, until a host that knows the type relays it.
/// </remarks>
public sealed class OutboxRelay(NpgsqlDataSource dataSource, ModuleCatalog modules, Subscriptions subscriptions, TimeProvider clock)
{
    private readonly string[] _knownTypes = [.. subscriptions.EventTypes.Keys];

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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var pending = new List<(Guid Id, string Type, string Content, DateTimeOffset OccurredOn)>();
        await using (var select = new NpgsqlCommand(
            $"""
             SELECT id, type, content::text, occurred_on FROM "{module.Schema}".outbox_messages
             WHERE processed_on IS NULL AND type = ANY(@known)
             ORDER BY occurred_on, id
             LIMIT @batch
             FOR UPDATE SKIP LOCKED
             """, connection, transaction))
        {
            select.Parameters.AddWithValue("batch", batchSize);
            select.Parameters.AddWithValue("known", _knownTypes);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var inboxes = new HashSet<string>(StringComparer.Ordinal);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var message in pending)
        {
            foreach (var subscription in subscriptions.For(message.Type))
            {
                var insert = new NpgsqlBatchCommand(
                    $"""
                     INSERT INTO "{subscription.Module.Schema}".inbox_messages
                         (message_id, handler, type, content, occurred_on, received_on, attempts)
                     VALUES ($1, $2, $3, $4::jsonb, $5, $6, 0)
                     ON CONFLICT DO NOTHING
                     """);
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.Id });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subscription.HandlerName });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Type });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Content });
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = message.OccurredOn });
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                batch.BatchCommands.Add(insert);
                inboxes.Add(subscription.Module.Schema);
            }
        }

        var done = new NpgsqlBatchCommand($"""UPDATE "{module.Schema}".outbox_messages SET processed_on = $1 WHERE id = ANY($2)""");
        done.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        done.Parameters.Add(new NpgsqlParameter { Value = pending.Select(p => p.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        batch.BatchCommands.Add(done);

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        deliveredTo?.UnionWith(inboxes);
        return pending.Count;
    }
}
