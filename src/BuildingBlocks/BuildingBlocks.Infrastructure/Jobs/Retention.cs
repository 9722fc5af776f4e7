using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Modules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Jobs;

/// <summary>Configuration section <c>Retention</c>: how long handled rows are kept (ADR 0002).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Idempotency records hold response bodies, with personal data: kept as long as a client may
    /// repeat a request, like the public payment APIs (24 hours), then a key may be used again.
    /// </summary>
    public TimeSpan IdempotencyRecords { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Handled inbox rows serve only diagnosis: the relay delivers in the transaction that marks the outbox.</summary>
    public TimeSpan ProcessedInboxMessages { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Relayed outbox rows are what a subscription replay rebuilds a read model from: kept ten years,
    /// longer than any read model looks back; shorten it only after giving read models a snapshot.
    /// </summary>
    public TimeSpan ProcessedOutboxMessages { get; set; } = TimeSpan.FromDays(3650);

    /// <summary>Rows deleted per statement: each batch is its own short transaction, nothing is loaded into memory.</summary>
    public int BatchSize { get; set; } = 5000;
}

/// <summary>How many rows one pruning removed.</summary>
public sealed record RetentionResult(long OutboxMessages, long InboxMessages, long IdempotencyRecords);

/// <summary>
/// Deletes the handled outbox and inbox rows of every module and the idempotency records once
/// their retention has passed, with set-based deletes in bounded batches. Unprocessed and parked
/// messages have no <c>processed_on</c>, so they are never pruned. Safe to run twice and on two
/// hosts at once: <c>SKIP LOCKED</c> keeps the batches apart.
/// </summary>
public sealed partial class Retention(
    NpgsqlDataSource dataSource,
    ModuleCatalog modules,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    ILogger<Retention> logger)
{
    public async Task<RetentionResult> PruneAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        long outbox = 0, inbox = 0;
        // Schema names are the modules' constants, never input.
        foreach (var module in modules.Modules)
        {
            outbox += await DeleteInBatchesAsync(
                $"""
                 DELETE FROM "{module.Schema}".outbox_messages WHERE id IN (
                     SELECT id FROM "{module.Schema}".outbox_messages WHERE processed_on < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
                 """,
                now - settings.ProcessedOutboxMessages,
                settings.BatchSize,
                cancellationToken);
            inbox += await DeleteInBatchesAsync(
                $"""
                 DELETE FROM "{module.Schema}".inbox_messages WHERE (message_id, handler) IN (
                     SELECT message_id, handler FROM "{module.Schema}".inbox_messages WHERE processed_on < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
                 """,
                now - settings.ProcessedInboxMessages,
                settings.BatchSize,
                cancellationToken);
        }

        var idempotency = await DeleteInBatchesAsync(
            $"""
             DELETE FROM {PlatformDbContext.Schema}.idempotency_records WHERE (caller, key) IN (
                 SELECT caller, key FROM {PlatformDbContext.Schema}.idempotency_records WHERE created_on < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
             """,
            now - settings.IdempotencyRecords,
            settings.BatchSize,
            cancellationToken);

        var result = new RetentionResult(outbox, inbox, idempotency);
        LogPruned(logger, result.OutboxMessages, result.InboxMessages, result.IdempotencyRecords);
        return result;
    }

    private async Task<long> DeleteInBatchesAsync(string sql, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = cutoff });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention pruned {OutboxMessages} outbox rows, {InboxMessages} inbox rows and {IdempotencyRecords} idempotency records")]
    private static partial void LogPruned(ILogger logger, long outboxMessages, long inboxMessages, long idempotencyRecords);
}
