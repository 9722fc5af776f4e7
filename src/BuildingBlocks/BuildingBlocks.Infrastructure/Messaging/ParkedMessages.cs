using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Modules;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>An inbox message that failed too often and waits for an operator.</summary>
public sealed record ParkedMessageDto(
    string Module,
    Guid MessageId,
    string Handler,
    string Type,
    int Attempts,
    string? LastError,
    DateTimeOffset OccurredOn,
    DateTimeOffset ParkedOn);

/// <summary>
/// What an operator sees of the parked inbox messages of every module, and how one is sent back
/// to its handler once the cause is mended.
/// </summary>
public sealed class ParkedMessages(NpgsqlDataSource dataSource, ModuleCatalog modules, DispatchSignal signal)
{
    public async Task<PagedResult<ParkedMessageDto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        // Schema names are the modules' constants, never input.
        var union = string.Join(
            "\nUNION ALL\n",
            modules.Modules.Select(m =>
                $"""SELECT '{m.Name}' AS module, message_id, handler, type, attempts, last_error, occurred_on, parked_on FROM "{m.Schema}".inbox_messages WHERE parked_on IS NOT NULL"""));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM ({union}) AS parked", connection);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken) ?? 0L);

        await using var select = new NpgsqlCommand($"SELECT * FROM ({union}) AS parked ORDER BY parked_on DESC, message_id LIMIT $1 OFFSET $2", connection);
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * pageSize });
        var items = new List<ParkedMessageDto>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ParkedMessageDto(
                reader.GetString(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return new PagedResult<ParkedMessageDto>(items, page, pageSize, total);
    }

    /// <summary>Unparks a message with a fresh count of attempts; false when no such parked message exists.</summary>
    public async Task<bool> RetryAsync(string moduleName, Guid messageId, string handler, CancellationToken cancellationToken)
    {
        var module = modules.Named(moduleName);
        if (module is null)
        {
            return false;
        }

        await using var command = dataSource.CreateCommand(
            $"""
             UPDATE "{module.Schema}".inbox_messages
             SET parked_on = NULL, attempts = 0, next_attempt_on = NULL
             WHERE message_id = $1 AND handler = $2 AND parked_on IS NOT NULL
             """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = handler });
        var retried = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (retried)
        {
            signal.Notify();
        }

        return retried;
    }
}
