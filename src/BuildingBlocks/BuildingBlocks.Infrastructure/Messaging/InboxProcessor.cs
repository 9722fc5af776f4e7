using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Handles each module's inbox: one message, one handler, one transaction, marked processed in
/// that same transaction — so a handler's effect and its "done" mark commit together. A failure
/// is counted and retried later with a growing delay; after <see cref="MessagingOptions.MaxAttempts"/>
/// the message is parked and the ones behind it go on. Messages are not handled in a guaranteed
/// order (retries and concurrent transactions overtake each other): handlers are written to be
/// order-tolerant, e.g. by comparing the event's <c>OccurredOn</c> with what they already hold.
/// </summary>
public sealed partial class InboxProcessor(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    Subscriptions subscriptions,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<InboxProcessor> logger)
{
    /// <summary>
    /// Handles up to <paramref name="limit"/> messages per module, with
    /// <see cref="MessagingOptions.InboxConcurrency"/> transactions at a time in each module
    /// (<c>SKIP LOCKED</c> keeps them off each other's rows); returns how many it took.
    /// </summary>
    public async Task<int> ProcessAsync(int limit, CancellationToken cancellationToken)
    {
        var concurrency = Math.Max(1, options.Value.InboxConcurrency);
        var perWorker = Math.Max(1, limit / concurrency);
        // A module that subscribes to nothing has an empty inbox: no need to ask.
        var counts = await Task.WhenAll(subscriptions.SubscribingModules
            .SelectMany(module => Enumerable.Range(0, concurrency).Select(_ => DrainAsync(module, perWorker, cancellationToken))));
        return counts.Sum();
    }

    private async Task<int> DrainAsync(ModuleDefinition module, int limit, CancellationToken cancellationToken)
    {
        var handled = 0;
        while (handled < limit && await ProcessOneAsync(module, cancellationToken))
        {
            handled++;
        }

        return handled;
    }

    private async Task<bool> ProcessOneAsync(ModuleDefinition module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // The schema name is the module's constant, never input; the time is a parameter.
#pragma warning disable EF1002
        var taken = await db.InboxMessages
            .FromSqlRaw(
                $$"""
                 SELECT * FROM "{{module.Schema}}".inbox_messages
                 WHERE processed_on IS NULL AND parked_on IS NULL AND (next_attempt_on IS NULL OR next_attempt_on <= {0})
                 ORDER BY received_on, message_id
                 LIMIT 1
                 FOR UPDATE SKIP LOCKED
                 """,
                now)
            .AsTracking()
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        var message = taken.FirstOrDefault();
        if (message is null)
        {
            return false;
        }

        try
        {
            var subscription = subscriptions.Find(module.Name, message.Handler, message.Type)
                ?? throw new InvalidOperationException($"No handler {message.Handler} in module {module.Name}.");
            var integrationEvent = MessageSerializer.Deserialize(message.Content, subscription.EventType);
            var handler = scope.ServiceProvider.GetRequiredService(subscription.HandlerType);
            await subscription.Invoke(handler, integrationEvent, cancellationToken);

            message.MarkProcessed(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await RecordFailureAsync(module, message, ex, now, cancellationToken);
        }

        return true;
    }

    private async Task RecordFailureAsync(ModuleDefinition module, InboxMessage message, Exception error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = message.Attempts + 1;
        var parked = attempts >= settings.MaxAttempts;
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 10));
        // The error's type and message only: a stack trace can carry values, and the message is
        // written by our code, not by the payload.
        var text = $"{error.GetType().FullName}: {error.Message}";
        if (parked)
        {
            LogParked(logger, message.MessageId, message.Handler, attempts, error);
        }
        else
        {
            LogFailed(logger, message.MessageId, message.Handler, attempts, error);
        }

        await using var command = dataSource.CreateCommand(
            $"""
             UPDATE "{module.Schema}".inbox_messages
             SET attempts = $1, last_error = $2, next_attempt_on = $3, parked_on = $4
             WHERE message_id = $5 AND handler = $6
             """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempts });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text.Length > 4000 ? text[..4000] : text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + delay });
        command.Parameters.Add(new NpgsqlParameter { Value = parked ? now : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.MessageId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Handler });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox message {MessageId} failed in {Handler} (attempt {Attempts}); it will be retried")]
    private static partial void LogFailed(ILogger logger, Guid messageId, string handler, int attempts, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox message {MessageId} parked after {Attempts} failed attempts in {Handler}")]
    private static partial void LogParkedCore(ILogger logger, Guid messageId, int attempts, string handler, Exception error);

    private static void LogParked(ILogger logger, Guid messageId, string handler, int attempts, Exception error) =>
        LogParkedCore(logger, messageId, attempts, handler, error);
}
