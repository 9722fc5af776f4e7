using System.Net.Sockets;
using BuildingBlocks.Application.Email;
using BuildingBlocks.Application.Reminders;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Reminders;

/// <summary>Configuration section <c>Reminders</c>: how the ledger sends, for every module that has one.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Rows taken per claim; each claim is its own short transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Emails sent at once.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Attempts before a reminder that keeps failing is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first wait after a failure; doubled at each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A reminder taken longer ago than this and not marked sent was interrupted (the process died): recorded as failed, never sent again.</summary>
    public TimeSpan SendingTimeout { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>What one pass of the sender did.</summary>
public sealed record ReminderPass(int Sent, int Retrying, int Failed, int Interrupted);

/// <summary>Turns a recorded reminder into its email; one per module, knowing its kinds.</summary>
public interface IReminderComposer
{
    EmailMessage Compose(Reminder reminder);
}

/// <summary>Adds the <c>reminders</c> table to a module's model.</summary>
public static class ReminderLedgerModel
{
    public static ModelBuilder AddReminderLedger(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<Reminder>(reminder =>
        {
            reminder.ToTable("reminders");
            reminder.HasKey(r => r.Key);
            reminder.Property(r => r.Key).HasMaxLength(200);
            reminder.Property(r => r.Kind).HasMaxLength(40);
            reminder.Property(r => r.Recipient).HasMaxLength(256);
            reminder.Property(r => r.RecipientName).HasMaxLength(200);
            reminder.Property(r => r.Language).HasMaxLength(2);
            reminder.Property(r => r.Payload).HasColumnType("jsonb");
            reminder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
            reminder.Property(r => r.LastError).HasMaxLength(2000);
            // The sender takes the pending rows that are due; a partial index keeps that cheap however many were sent.
            reminder.HasIndex(r => r.NextAttemptOn).HasFilter("status = 'Pending'").HasDatabaseName("ix_reminders_pending");
            reminder.HasIndex(r => new { r.Status, r.CreatedOn });
        });
        return builder;
    }
}

/// <summary>
/// Sends a module's recorded reminders, never twice and never silently lost:
/// <list type="bullet">
/// <item>A row is claimed (<c>Pending → Sending</c>, attempts + 1) and that claim committed before
/// the email leaves; <c>SKIP LOCKED</c> keeps two hosts or two runs apart, so each row is sent by one.</item>
/// <item>Sent → <c>Sent</c>. A failure that may pass (connection, 4xx) → back to <c>Pending</c> after a
/// doubling delay, and the pass reports it so that the Hangfire job fails and is retried with back-off;
/// a 5xx refusal or the last attempt → <c>Failed</c>, listed for an operator.</item>
/// <item>A row still <c>Sending</c> after <see cref="ReminderOptions.SendingTimeout"/> belonged to a
/// process that died while sending: the email may have gone out, so it is recorded as <c>Failed</c>
/// (interrupted) and never sent again. Never twice outranks never late; nothing is lost unseen.</item>
/// </list>
/// Schema names are modules' constants, never input.
/// </summary>
public sealed partial class ReminderLedger(
    NpgsqlDataSource dataSource,
    IEmailSender email,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderLedger> logger)
{
    public async Task<ReminderPass> SendPendingAsync(string schema, IReminderComposer composer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(composer);
        var settings = options.Value;
        var interrupted = await MarkInterruptedAsync(schema, settings, cancellationToken);
        int sent = 0, retrying = 0, failed = 0;
        while (true)
        {
            var batch = await ClaimAsync(schema, settings.BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(
                batch,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency), CancellationToken = cancellationToken },
                async (reminder, ct) =>
                {
                    var outcome = await SendOneAsync(schema, composer, reminder, settings, ct);
                    switch (outcome)
                    {
                        case ReminderStatus.Sent: Interlocked.Increment(ref sent); break;
                        case ReminderStatus.Pending: Interlocked.Increment(ref retrying); break;
                        default: Interlocked.Increment(ref failed); break;
                    }
                });
            if (batch.Count < settings.BatchSize)
            {
                break;
            }
        }

        var pass = new ReminderPass(sent, retrying, failed, interrupted);
        LogPass(logger, schema, pass.Sent, pass.Retrying, pass.Failed, pass.Interrupted);
        return pass;
    }

    private async Task<ReminderStatus> SendOneAsync(string schema, IReminderComposer composer, Reminder reminder, ReminderOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendAsync(composer.Compose(reminder), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var permanent = e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } or FormatException or ArgumentException;
            var status = permanent || reminder.Attempts >= settings.MaxAttempts ? ReminderStatus.Failed : ReminderStatus.Pending;
            var delay = settings.RetryDelay * Math.Pow(2, Math.Min(reminder.Attempts - 1, 16));
            await ExecuteAsync(
                $"""UPDATE "{schema}".reminders SET status = $2, last_error = $3, next_attempt_on = $4 WHERE key = $1 AND status = 'Sending'""",
                cancellationToken,
                reminder.Key,
                status.ToString(),
                Describe(e),
                clock.GetUtcNow() + delay);
            LogFailure(logger, schema, reminder.Kind, reminder.Attempts, status.ToString(), e.GetType().Name);
            return status;
        }

        await ExecuteAsync(
            $"""UPDATE "{schema}".reminders SET status = 'Sent', sent_on = $2, last_error = NULL WHERE key = $1""",
            CancellationToken.None,
            reminder.Key,
            clock.GetUtcNow());
        return ReminderStatus.Sent;
    }

    /// <summary>The error as an operator needs it: its type and the server's answer, never the address.</summary>
    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}",
        SmtpProtocolException => "SMTP protocol error",
        ServiceNotConnectedException or SocketException or IOException => $"connection: {e.GetType().Name}",
        _ => e.GetType().Name,
    };

    private async Task<List<Reminder>> ClaimAsync(string schema, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             UPDATE "{schema}".reminders r SET status = 'Sending', attempts = r.attempts + 1, claimed_on = $1
             WHERE r.key IN (
                 SELECT key FROM "{schema}".reminders
                 WHERE status = 'Pending' AND next_attempt_on <= $1
                 ORDER BY next_attempt_on LIMIT $2 FOR UPDATE SKIP LOCKED)
             RETURNING r.key, r.kind, r.recipient, r.recipient_name, r.language, r.payload::text, r.attempts, r.created_on
             """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
        var claimed = new List<Reminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(Reminder.Claimed(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return claimed;
    }

    private async Task<int> MarkInterruptedAsync(string schema, ReminderOptions settings, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"""
             UPDATE "{schema}".reminders SET status = 'Failed',
                 last_error = 'interrupted while sending: it may have been delivered, so it is not sent again'
             WHERE status = 'Sending' AND claimed_on < $1
             """,
            cancellationToken,
            clock.GetUtcNow() - settings.SendingTimeout);

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders of {Schema}: {Sent} sent, {Retrying} to retry, {Failed} failed, {Interrupted} interrupted")]
    private static partial void LogPass(ILogger logger, string schema, int sent, int retrying, int failed, int interrupted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} reminder of {Schema} failed at attempt {Attempt}, now {Status}: {Error}")]
    private static partial void LogFailure(ILogger logger, string schema, string kind, int attempt, string status, string error);
}
