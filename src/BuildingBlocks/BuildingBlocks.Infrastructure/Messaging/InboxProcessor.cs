using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Storage;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Handles each module's inbox: one message, one handler, one transaction, marked processed in
/// that same transaction — so a handler's effect and its "done" mark commit together. A failure
/// is counted and retried later with a growing delay; after <see cref="MessagingOptions.MaxAttempts"/>
/// the message is parked and the ones behind it go on. Messages are not handled in a guaranteed
/// order (retries and concurrent transactions overtake each other): handlers are written to be
/// order-tolerant, e.g. by comparing the event's <c>OccurredOn</c> with what they already hold.
/// Whatever a handler does — send a command or change an aggregate itself — the same
/// <see cref="UnitOfWork"/> as a command's handles the domain events it causes and writes its
/// integration events to the outbox, in the message's transaction.
/// </summary>
public sealed partial class InboxProcessor(
    IServiceScopeFactory scopes,
    Subscriptions subscriptions,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<InboxProcessor> logger)
{
    private const string HandlerSavepoint = "inbox_handler";

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
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
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

        await HandleAsync(scope.ServiceProvider, db, unitOfWork, transaction, module, message, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        unitOfWork.Committed();
        return true;
    }

    /// <summary>
    /// Handles one locked message inside the open transaction, and always leaves that transaction
    /// fit to commit: either the handler's effect with the message marked processed, or — rolled
    /// back to the savepoint taken before the handler — only the failure counted. The row lock is
    /// held from the moment the message is taken until that commit, so no other worker can run
    /// the message in between. Several messages could share one transaction this way (a savepoint each).
    /// </summary>
    private async Task HandleAsync(
        IServiceProvider services,
        ModuleDbContext db,
        UnitOfWork unitOfWork,
        IDbContextTransaction transaction,
        ModuleDefinition module,
        InboxMessage message,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var subscription = subscriptions.Find(module.Name, message.Handler, message.Type);
        if (subscription is null)
        {
            // Retrying cannot help: no code in this host can read the message. An operator decides.
            await RecordFailureAsync(
                db,
                message,
                new InvalidOperationException(
                    $"No subscription in module {module.Name} handles the event type '{message.Type}' with handler '{message.Handler}': "
                    + "the event or the handler was renamed or removed, or a newer release wrote it. Parked without retrying."),
                now,
                parkAtOnce: true,
                cancellationToken);
            return;
        }

        await transaction.CreateSavepointAsync(HandlerSavepoint, cancellationToken);
        try
        {
            var integrationEvent = MessageSerializer.Deserialize(message.Content, subscription.EventType);
            var handler = services.GetRequiredService(subscription.HandlerType);
            await subscription.Invoke(handler, integrationEvent, cancellationToken);

            message.MarkProcessed(now);
            await unitOfWork.FlushAsync(db, cancellationToken);
            await transaction.ReleaseSavepointAsync(HandlerSavepoint, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackToSavepointAsync(HandlerSavepoint, CancellationToken.None);
            unitOfWork.Discard(db);
            db.InboxMessages.Attach(message);
            await RecordFailureAsync(db, message, ex, now, parkAtOnce: false, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(ModuleDbContext db, InboxMessage message, Exception error, DateTimeOffset now, bool parkAtOnce, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = message.Attempts + 1;
        var parked = parkAtOnce || attempts >= settings.MaxAttempts;
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

        message.RecordFailure(text.Length > 4000 ? text[..4000] : text, now + delay, parked ? now : null);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox message {MessageId} failed in {Handler} (attempt {Attempts}); it will be retried")]
    private static partial void LogFailed(ILogger logger, Guid messageId, string handler, int attempts, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox message {MessageId} parked after {Attempts} failed attempts in {Handler}")]
    private static partial void LogParkedCore(ILogger logger, Guid messageId, int attempts, string handler, Exception error);

    private static void LogParked(ILogger logger, Guid messageId, string handler, int attempts, Exception error) =>
        LogParkedCore(logger, messageId, attempts, handler, error);
}
