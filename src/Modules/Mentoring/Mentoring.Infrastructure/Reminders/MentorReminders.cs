using System.Diagnostics;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Reminders;
using Mentoring.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mentoring.Infrastructure.Reminders;

/// <summary>
/// The daily selection: in one set-based statement per kind, every mentor with planned visits due
/// within N days or overdue gets one reminder row for the Moroccan day, and every coordinator with
/// visits overdue beyond the limit one escalation row; keys (kind, who, day) make a second run,
/// a retried job or another host's run add nothing. Then the ledger sends what is pending.
/// </summary>
internal sealed partial class MentorReminders(
    NpgsqlDataSource dataSource,
    ReminderLedger ledger,
    MentorReminderEmails emails,
    TimeProvider clock,
    IOptions<MentorReminderOptions> options,
    ILogger<MentorReminders> logger)
    : IReminderSource
{
    public const string Schema = MentoringDbContext.SchemaName;

    public async Task<int> RecordDailyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recorded = await ExecuteAsync(
            connection,
            """
            INSERT INTO mentoring.reminders (key, kind, recipient, recipient_name, language, payload, status, attempts, next_attempt_on, created_on)
            SELECT 'visits:' || m.id || ':' || to_char($1::date, 'YYYY-MM-DD'), 'visits', m.email, m.name, m.language,
                   jsonb_build_object('day', $1::date, 'visits', jsonb_agg(jsonb_build_object(
                       'projectId', p.id, 'number', v.number, 'dueOn', v.due_on, 'communeCode', p.commune_code, 'sector', p.sector)
                       ORDER BY v.due_on, p.id, v.number)),
                   'Pending', 0, $2, $2
            FROM mentoring.visits v
            JOIN mentoring.projects p ON p.id = v.project_id AND p.status = 'InFollowUp'
            JOIN mentoring.mentors m ON m.id = p.mentor_id
            WHERE v.status = 'Planned' AND v.due_on <= $1::date + $3
            GROUP BY m.id, m.email, m.name, m.language
            ON CONFLICT (key) DO NOTHING
            """,
            day,
            now,
            settings.DueWithinDays,
            cancellationToken);
        recorded += await ExecuteAsync(
            connection,
            """
            INSERT INTO mentoring.reminders (key, kind, recipient, recipient_name, language, payload, status, attempts, next_attempt_on, created_on)
            SELECT 'escalation:' || md5(p.coordinator_email) || ':' || to_char($1::date, 'YYYY-MM-DD'), 'escalation', p.coordinator_email, NULL, 'fr',
                   jsonb_build_object('day', $1::date, 'visits', jsonb_agg(jsonb_build_object(
                       'projectId', p.id, 'number', v.number, 'dueOn', v.due_on, 'communeCode', p.commune_code, 'mentor', m.name)
                       ORDER BY v.due_on, p.id, v.number)),
                   'Pending', 0, $2, $2
            FROM mentoring.visits v
            JOIN mentoring.projects p ON p.id = v.project_id AND p.status = 'InFollowUp'
            JOIN mentoring.mentors m ON m.id = p.mentor_id
            WHERE v.status = 'Planned' AND v.due_on < $1::date - $3 AND p.coordinator_email IS NOT NULL
            GROUP BY p.coordinator_email
            ON CONFLICT (key) DO NOTHING
            """,
            day,
            now,
            settings.EscalateAfterDays,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRecorded(logger, recorded, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return recorded;
    }

    public Task<ReminderPass> SendPendingAsync(CancellationToken cancellationToken) => ledger.SendPendingAsync(Schema, emails, cancellationToken);

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, DateOnly day, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = days });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mentoring reminders: recorded {Count} reminder(s) for {Day} in {ElapsedMs} ms")]
    private static partial void LogRecorded(ILogger logger, int count, string day, long elapsedMs);
}
