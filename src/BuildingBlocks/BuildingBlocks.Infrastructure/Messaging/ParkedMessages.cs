using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Modules;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>An inbox message that failed too often and waits for an operator.</summary>
/// <param name="Module">The module whose inbox holds it, to name when retrying.</param>
/// <param name="MessageId">The integration event's id (the same in the publisher's outbox), to name when retrying.</param>
/// <param name="Handler">The handler that failed, to name when retrying.</param>
/// <param name="Type">The name of the integration event.</param>
/// <param name="Attempts">How many times the handler was tried.</param>
/// <param name="LastError">The last failure's exception type and message; null if none was recorded.</param>
/// <param name="OccurredOn">When the event happened in its module, in Moroccan time with its offset.</param>
/// <param name="ParkedOn">When it was set aside for an operator, in Moroccan time with its offset.</param>
public sealed record ParkedMessageDto(
    string Module,
    Guid MessageId,
    string Handler,
    string Type,
    int Attempts,
    string? LastError,
    DateTimeOffset OccurredOn,
    DateTimeOffset ParkedOn) : IApiExample<ParkedMessageDto>
{
    public static ParkedMessageDto Example { get; } = new(
        SubscriptionDto.Example.Module,
        Guid.Parse("019ac1f4-6b31-7a08-b5d2-93e0c4a1f6e7"),
        SubscriptionDto.Example.Handler,
        SubscriptionDto.Example.EventType,
        5,
        "Npgsql.PostgresException: 53300: too many connections for role \"modular\"",
        new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(1)),
        new DateTimeOffset(2026, 11, 22, 10, 16, 3, TimeSpan.FromHours(1)));
}

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
        select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ((long)page - 1) * pageSize });
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
