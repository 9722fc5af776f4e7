using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Storage;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Handles each module's inbox: up to <see cref="MessagingOptions.InboxBatchSize"/> messages (each
/// for one handler) per transaction, each behind a savepoint and marked processed in that same
/// transaction — so a handler's effect and its "done" mark commit together, and a failing message
/// is rolled back to its savepoint with its failure counted while the others commit. Should the
/// batch's transaction fail as a whole, nothing of it is kept and its messages are taken again one
/// per transaction, which pins the failure on the message that causes it. A failure
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
        var batchSize = Math.Max(1, options.Value.InboxBatchSize);
        var handled = 0;
        while (handled < limit)
        {
            var taken = new List<InboxMessage>();
            try
            {
                await ProcessBatchAsync(module, Math.Min(batchSize, limit - handled), null, taken, cancellationToken);
            }
            catch (Exception ex) when (taken.Count > 1 && !cancellationToken.IsCancellationRequested)
            {
                // Rolled back whole: no message of the batch was handled or counted. Each is taken
                // again in a transaction of its own (if still due and unlocked), so that the message
                // at fault fails alone — counted, or escaping as it would have alone — and the others commit.
                LogBatchFailed(logger, module.Name, taken.Count, ex);
                foreach (var message in taken)
                {
                    try
                    {
                        await ProcessBatchAsync(module, 1, message, [], cancellationToken);
                    }
                    catch (Exception alone) when (!cancellationToken.IsCancellationRequested)
                    {
                        LogAloneFailed(logger, message.MessageId, message.Handler, alone);
                    }
                }

                handled += taken.Count;
                continue;
            }

            if (taken.Count == 0)
            {
                break;
            }

            handled += taken.Count;
        }

        return handled;
    }

    /// <summary>
    /// Takes up to <paramref name="size"/> due messages (or only <paramref name="only"/>), lists them
    /// in <paramref name="taken"/> and handles them in one transaction.
    /// </summary>
    private async Task ProcessBatchAsync(ModuleDefinition module, int size, InboxMessage? only, List<InboxMessage> taken, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // The schema name is the module's constant, never input; the time is a parameter.
#pragma warning disable EF1002
        taken.AddRange(await db.InboxMessages
            .FromSqlRaw(
                $$"""
                 SELECT * FROM "{{module.Schema}}".inbox_messages
                 WHERE processed_on IS NULL AND parked_on IS NULL AND (next_attempt_on IS NULL OR next_attempt_on <= {0})
                   AND ({2}::uuid IS NULL OR (message_id = {2} AND handler = {3}))
                 ORDER BY received_on, message_id
                 LIMIT {1}
                 FOR UPDATE SKIP LOCKED
                 """,
                now,
                size,
                (object?)only?.MessageId ?? DBNull.Value,
                (object?)only?.Handler ?? DBNull.Value)
            .AsNoTracking()
            .ToListAsync(cancellationToken));
#pragma warning restore EF1002
        if (taken.Count == 0)
        {
            return;
        }

        foreach (var message in taken)
        {
            // Each message starts from an empty change tracker: what the previous one's handler
            // loaded is neither saved again nor seen stale, and SaveChanges stays as cheap as for one.
            db.ChangeTracker.Clear();
            db.InboxMessages.Attach(message);
            await HandleAsync(scope.ServiceProvider, db, unitOfWork, transaction, module, message, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        unitOfWork.Committed();
    }

    /// <summary>
    /// Handles one locked message inside the open transaction, and always leaves that transaction
    /// fit to commit: either the handler's effect with the message marked processed, or — rolled
    /// back to the savepoint taken before the handler — only the failure counted. The row lock is
    /// held from the moment the message is taken until that commit, so no other worker can run
    /// the message in between. Several messages share one transaction this way, a savepoint each,
    /// stacked rather than released.
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
            // Marked before the handler runs (issue 13): a command the handler sends joins this unit
            // of work and its flush writes the mark in the same round trip as the handler's
            // changes, instead of a second SaveChanges after it. A failure rolls both back below.
            message.MarkProcessed(now);
            await subscription.Invoke(handler, integrationEvent, cancellationToken);
            await unitOfWork.FlushAsync(db, cancellationToken);
            // Not released (issue 13: one round trip less per message). The next message's
            // SAVEPOINT of the same name stacks on it and ROLLBACK TO always goes to the latest,
            // the one taken before this message's handler; the commit ends them all. Released or
            // not, a savepoint that wrote keeps its subtransaction id until the commit, so the
            // batch size bounds them either way.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} messages of module {Module}'s inbox failed as a whole and was rolled back; they are taken again one per transaction")]
    private static partial void LogBatchFailed(ILogger logger, string module, int count, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox message {MessageId} for {Handler} failed in a transaction of its own, which could not record the failure; it stays pending")]
    private static partial void LogAloneFailed(ILogger logger, Guid messageId, string handler, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox message {MessageId} failed in {Handler} (attempt {Attempts}); it will be retried")]
    private static partial void LogFailed(ILogger logger, Guid messageId, string handler, int attempts, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox message {MessageId} parked after {Attempts} failed attempts in {Handler}")]
    private static partial void LogParkedCore(ILogger logger, Guid messageId, int attempts, string handler, Exception error);

    private static void LogParked(ILogger logger, Guid messageId, string handler, int attempts, Exception error) =>
        LogParkedCore(logger, messageId, attempts, handler, error);
}
