using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Storage;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Handles each module's inbox: up to a batch of messages (each for one handler) per transaction,
/// each marked processed in that same transaction — so a handler's effect and its "done" mark
/// commit together. No savepoint (issue 13: one round trip per message). A handler that fails
/// before anything but reads reached the database leaves the transaction as it was: its failure is
/// counted there and the batch goes on. Should a handler fail after writing, or the transaction as
/// a whole, nothing of the batch is kept and its messages are taken again one per transaction,
/// where a savepoint before the handler lets the failure be counted while its effect is rolled
/// back. Either way the failure is recorded in the transaction that holds the row's lock, so no
/// other worker runs the message in between; it pins the failure on the message that causes it
/// and lets the others commit. (A message whose failed run was rolled back with its batch runs
/// again alone: that first run is not an attempt, nothing of it was kept.) A failure is retried
/// later with a growing delay; after <see cref="MessagingOptions.MaxAttempts"/> the message is
/// parked and the ones behind it go on. Messages are not handled in a guaranteed order (retries and concurrent
/// transactions overtake each other): handlers are written to be order-tolerant, e.g. by
/// comparing the event's <c>OccurredOn</c> with what they already hold.
/// Whatever a handler does — send a command or change an aggregate itself — the same
/// <see cref="UnitOfWork"/> as a command's handles the domain events it causes and writes its
/// integration events to the outbox, in the message's transaction.
/// </summary>
/// <remarks>
/// A module's inbox is drained by workers that follow its backlog: one starts, and each worker
/// that takes a full batch lets one more run (up to <see cref="MessagingOptions.InboxMaxConcurrency"/>),
/// then takes bigger batches when no more may run (up to <see cref="MessagingOptions.InboxMaxBatchSize"/>);
/// a worker whose batch comes back short stops. Under a write load the inbox is bound by latency
/// (each statement waits for a busy database), not by work, so more transactions at once keep it
/// up with the writers; idle, one worker and one query per wake. <c>SKIP LOCKED</c> keeps workers
/// and hosts off each other's rows.
/// </remarks>
public sealed partial class InboxProcessor(
    IServiceScopeFactory scopes,
    Subscriptions subscriptions,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<InboxProcessor> logger)
{
    private const string HandlerSavepoint = "inbox_handler";

    /// <summary>
    /// At most <see cref="MessagingOptions.InboxMaxConcurrency"/> inbox transactions at once on
    /// this host, all modules together: each holds a connection of the pool the requests use.
    /// </summary>
    private readonly SemaphoreSlim _connections = new(Math.Max(1, options.Value.InboxMaxConcurrency));

    /// <summary>
    /// Handles up to <paramref name="limit"/> messages in each subscribing module's inbox, the
    /// modules at once; returns how many it took.
    /// </summary>
    public async Task<int> ProcessAsync(int limit, CancellationToken cancellationToken)
    {
        // A module that subscribes to nothing has an empty inbox: no need to ask.
        var counts = await Task.WhenAll(subscriptions.SubscribingModules.Select(module => DrainAsync(module, limit, cancellationToken)));
        return counts.Sum();
    }

    /// <summary>
    /// Drains one module's inbox with as many workers as its backlog asks for, until the workers
    /// find no full batch left or <paramref name="limit"/> messages were taken; returns how many.
    /// </summary>
    public async Task<int> DrainAsync(ModuleDefinition module, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        var drain = new Drain(limit) { Active = 1 };
        _ = RunWorkerAsync(module, drain, cancellationToken);
        await drain.Done.Task;
        return drain.Taken;
    }

    private sealed class Drain(int limit)
    {
        public int Active;
        public int Taken;
        public int Budget = limit;
        public Exception? Error;
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task RunWorkerAsync(ModuleDefinition module, Drain drain, CancellationToken cancellationToken)
    {
        // Off the caller's synchronous part: a new worker starts beside the one that asked for it.
        await Task.Yield();
        var settings = options.Value;
        var maxWorkers = Math.Max(1, settings.InboxMaxConcurrency);
        var batchSize = Math.Max(1, settings.InboxBatchSize);
        var maxBatchSize = Math.Max(batchSize, settings.InboxMaxBatchSize);
        try
        {
            while (Volatile.Read(ref drain.Error) is null)
            {
                var size = Reserve(drain, batchSize);
                if (size == 0)
                {
                    break;
                }

                int taken;
                var grow = false;
                await _connections.WaitAsync(cancellationToken);
                try
                {
                    // Full: there may be more than this worker can keep up with. Another one joins
                    // at once (before this batch is handled), as long as connections are free; when
                    // none may, this one takes bigger batches.
                    taken = await TakeAsync(module, size, () => grow = !TryAddWorker(module, drain, maxWorkers, cancellationToken), cancellationToken);
                }
                finally
                {
                    _connections.Release();
                }

                Interlocked.Add(ref drain.Taken, taken);
                // What was reserved but not taken goes back for the other workers.
                Interlocked.Add(ref drain.Budget, size - taken);
                if (taken < size)
                {
                    // Short: the backlog is gone, or held by other workers and hosts. One worker fewer.
                    break;
                }

                if (grow)
                {
                    batchSize = Math.Min(batchSize * 2, maxBatchSize);
                }
            }
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref drain.Error, ex, null);
        }
        finally
        {
            if (Interlocked.Decrement(ref drain.Active) == 0)
            {
                if (drain.Error is { } error)
                {
                    drain.Done.TrySetException(error);
                }
                else
                {
                    drain.Done.TrySetResult();
                }
            }
        }
    }

    private static int Reserve(Drain drain, int wanted)
    {
        while (true)
        {
            var budget = Volatile.Read(ref drain.Budget);
            var size = Math.Min(wanted, budget);
            if (size <= 0)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref drain.Budget, budget - size, budget) == budget)
            {
                return size;
            }
        }
    }

    private bool TryAddWorker(ModuleDefinition module, Drain drain, int maxWorkers, CancellationToken cancellationToken)
    {
        while (true)
        {
            var active = Volatile.Read(ref drain.Active);
            // Not limited by the connections free at this instant: a worker added while all are
            // taken waits for one (the semaphore bounds connections, not workers). Checking here
            // raced with other modules' passes, which hold a connection for a moment, and left the
            // growth short of its maximum for the rest of the drain.
            if (active >= maxWorkers || Volatile.Read(ref drain.Budget) <= 0)
            {
                return false;
            }

            // Counted by the worker that adds it, while that one is still running: the drain
            // cannot be seen finished in between.
            if (Interlocked.CompareExchange(ref drain.Active, active + 1, active) == active)
            {
                _ = RunWorkerAsync(module, drain, cancellationToken);
                return true;
            }
        }
    }

    /// <summary>Takes and handles one batch of up to <paramref name="size"/> messages; returns how many it took.</summary>
    private async Task<int> TakeAsync(ModuleDefinition module, int size, Action full, CancellationToken cancellationToken)
    {
        var taken = new List<InboxMessage>();
        try
        {
            await ProcessBatchAsync(module, size, null, taken, full, cancellationToken);
        }
        catch (Exception ex) when (taken.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            // Rolled back whole: no message of the batch was handled or counted. Each is taken
            // again in a transaction of its own (if still due and unlocked), so that the message
            // at fault fails alone — counted, or escaping as it would have alone — and the others commit.
            LogBatchFailed(logger, module.Name, taken.Count, ex);
            foreach (var message in taken)
            {
                try
                {
                    await ProcessBatchAsync(module, 1, message, [], null, cancellationToken);
                }
                catch (Exception alone) when (!cancellationToken.IsCancellationRequested)
                {
                    LogAloneFailed(logger, message.MessageId, message.Handler, alone);
                }
            }
        }

        return taken.Count;
    }

    /// <summary>
    /// Takes up to <paramref name="size"/> due messages (or only <paramref name="only"/>), lists them
    /// in <paramref name="taken"/>, calls <paramref name="full"/> if it took all it asked for, and
    /// handles them in one transaction. A batch (no
    /// <paramref name="only"/>) lets a handler's failure escape and is rolled back whole; a single
    /// message taken again records its own failure.
    /// </summary>
    private async Task ProcessBatchAsync(ModuleDefinition module, int size, InboxMessage? only, List<InboxMessage> taken, Action? full, CancellationToken cancellationToken)
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

        if (taken.Count == size)
        {
            full?.Invoke();
        }

        var handled = new List<InboxMessage>(taken.Count);
        foreach (var message in taken)
        {
            // Each message starts from an empty change tracker: what the previous one's handler
            // loaded is neither saved again nor seen stale, and SaveChanges stays as cheap as for one.
            db.ChangeTracker.Clear();
            db.InboxMessages.Attach(message);
            if (await HandleAsync(scope.ServiceProvider, db, unitOfWork, only is null ? null : transaction, module, message, now, cancellationToken))
            {
                handled.Add(message);
            }
        }

        await MarkProcessedAsync(db, module, handled, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        unitOfWork.Committed();
    }

    /// <summary>
    /// Handles one locked message inside the open transaction. In a batch
    /// (<paramref name="alone"/> null) a failure escapes and the caller rolls the batch back. Alone,
    /// it always leaves the transaction fit to commit: either the handler's effect with the message
    /// marked processed, or — rolled back to the savepoint taken before the handler — only the
    /// failure counted. The row lock is held from the moment the message is taken until that
    /// commit, so no other worker can run the message in between.
    /// </summary>
    private async Task<bool> HandleAsync(
        IServiceProvider services,
        ModuleDbContext db,
        UnitOfWork unitOfWork,
        IDbContextTransaction? alone,
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
            return false;
        }

        if (alone is null)
        {
            var writes = db.Writes;
            try
            {
                await InvokeAsync(services, db, unitOfWork, subscription, message, cancellationToken);
                return true;
            }
            catch (Exception ex) when (db.Writes == writes && !IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                // Nothing but reads reached the database (a payload that does not deserialize, a
                // rule refused before the flush, a handler that failed by itself): the transaction
                // is as before this message, its changes only in the change tracker. The failure is
                // counted right here, under the row's lock, and the batch goes on — exactly one
                // run per counted attempt, as with a savepoint. Should the transaction be unfit
                // after all, recording fails and the batch is taken again one message at a time.
                unitOfWork.Discard(db);
                db.InboxMessages.Attach(message);
                await RecordFailureAsync(db, message, ex, now, parkAtOnce: false, cancellationToken);
                return false;
            }
        }

        await alone.CreateSavepointAsync(HandlerSavepoint, cancellationToken);
        try
        {
            await InvokeAsync(services, db, unitOfWork, subscription, message, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await alone.RollbackToSavepointAsync(HandlerSavepoint, CancellationToken.None);
            unitOfWork.Discard(db);
            db.InboxMessages.Attach(message);
            await RecordFailureAsync(db, message, ex, now, parkAtOnce: false, cancellationToken);
            return false;
        }
    }

    private static bool IsDatabaseFailure(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException or DbUpdateException)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task InvokeAsync(
        IServiceProvider services,
        ModuleDbContext db,
        UnitOfWork unitOfWork,
        Subscription subscription,
        InboxMessage message,
        CancellationToken cancellationToken)
    {
        var integrationEvent = MessageSerializer.Deserialize(message.Content, subscription.EventType);
        var handler = services.GetRequiredService(subscription.HandlerType);
        await subscription.Invoke(handler, integrationEvent, cancellationToken);
        await unitOfWork.FlushAsync(db, cancellationToken);
    }

    /// <summary>
    /// Marks the batch's handled messages processed in one statement, in the batch's transaction,
    /// so each commits with its handler's effect (issue 13: one UPDATE per batch instead of one
    /// per message; it was the costliest statement of the event path).
    /// </summary>
    private static async Task MarkProcessedAsync(ModuleDbContext db, ModuleDefinition module, List<InboxMessage> handled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (handled.Count == 0)
        {
            return;
        }

        // The schema name is the module's constant, never input; the rest are parameters.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $$"""
             UPDATE "{{module.Schema}}".inbox_messages AS m SET processed_on = {0}
             FROM unnest({1}::uuid[], {2}::text[]) AS h(message_id, handler)
             WHERE m.message_id = h.message_id AND m.handler = h.handler
             """,
            [now, handled.ConvertAll(m => m.MessageId), handled.ConvertAll(m => m.Handler)],
            cancellationToken);
#pragma warning restore EF1002
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
