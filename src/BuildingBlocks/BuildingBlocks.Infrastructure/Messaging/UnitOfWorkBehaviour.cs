using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Last in the pipeline, for commands only: one transaction per command in the owning module's
/// database schema. Domain events are handled before commit; integration events are written to
/// the outbox in the same SaveChanges (<see cref="UnitOfWork"/>, shared with the inbox). Handlers
/// never call SaveChanges themselves.
/// </summary>
internal sealed class UnitOfWorkBehaviour<TMessage, TResponse>(
    IServiceProvider services,
    ModuleCatalog modules,
    UnitOfWork unitOfWork,
    IdempotencyScope idempotency,
    UniqueKeys uniqueKeys,
    TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var module = modules.Owning(typeof(TMessage))
            ?? throw new InvalidOperationException($"{typeof(TMessage).FullName} is declared outside every module.");
        var db = (ModuleDbContext)services.GetRequiredService(module.DbContextType);

        if (db.Database.CurrentTransaction is not null)
        {
            // Already inside a unit of work (an inbox message being handled): join it; its owner commits.
            var joined = await next(message, cancellationToken);
            await unitOfWork.FlushAsync(db, cancellationToken);
            return joined;
        }

        // The connection stays with the scope (the context closes it when the scope ends), so that
        // an endpoint reading back what the command wrote — the usual 201 with the new resource —
        // does it on the same connection, not on a second one taken from the pool.
        await db.HoldConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        uniqueKeys.Clear();
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
            await unitOfWork.FlushAsync(db, cancellationToken);
            await RecordIdempotencyKeyAsync(db, cancellationToken);
            // Up to here a caller who goes away cancels the command and the transaction rolls back. The
            // commit itself is not cancelled: cut off half-way its outcome would be unknown (and EF logs
            // it as a transaction error); all the work is done, so it is kept.
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception refused) when (uniqueKeys.Explains(refused))
        {
            // A unique index refused a key the handler left to it (IUniqueKeys): nothing of the
            // command stays, and the handler's explanation, read after the rollback, is the answer.
            await transaction.RollbackAsync(CancellationToken.None);
            unitOfWork.Discard(db);
            throw await uniqueKeys.ExplainAsync(refused, cancellationToken);
        }
        finally
        {
            uniqueKeys.Clear();
        }

        unitOfWork.Committed();
        return response;
    }

    /// <summary>
    /// The request's Idempotency-Key is recorded in the command's own transaction: the change and
    /// the record commit together. A concurrent repeat waits on the key's row and is refused.
    /// </summary>
    private async Task RecordIdempotencyKeyAsync(ModuleDbContext db, CancellationToken cancellationToken)
    {
        if (!idempotency.IsActive || idempotency.Recorded)
        {
            return;
        }

        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO platform.idempotency_records (caller, key, fingerprint, created_on) VALUES ({idempotency.Caller}, {idempotency.Key}, {idempotency.Fingerprint}, {clock.GetUtcNow()})",
                cancellationToken);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            throw new Application.Exceptions.ConflictException(
                "idempotency.in-progress",
                new LocalizedText(
                    "Another request with this Idempotency-Key was carried out meanwhile; this one changed nothing.",
                    "Une autre requête portant cette Idempotency-Key a été exécutée entre-temps ; celle-ci n'a rien modifié.",
                    "تم تنفيذ طلب آخر بنفس مفتاح Idempotency-Key في الأثناء؛ هذا الطلب لم يغير شيئا."));
        }

        idempotency.MarkRecorded();
    }
}
