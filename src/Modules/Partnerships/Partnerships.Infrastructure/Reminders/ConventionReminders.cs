using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BuildingBlocks.Application.Email;
using BuildingBlocks.Application.Reminders;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Reminders;
using Microsoft.Extensions.Options;
using Npgsql;
using Partnerships.Infrastructure.Persistence;

namespace Partnerships.Infrastructure.Reminders;

/// <summary>Configuration section <c>Partnerships:Reminders</c>.</summary>
public sealed class ConventionReminderOptions
{
    public const string Section = "Partnerships:Reminders";

    /// <summary>When the daily selection runs (cron, Africa/Casablanca time): 08:15 by default.</summary>
    public string Cron { get; set; } = "15 8 * * *";

    /// <summary>How often reminders to retry are sent.</summary>
    public string SendCron { get; set; } = "*/5 * * * *";

    /// <summary>A convention in force expiring within this many days is announced to its manager (60 by default).</summary>
    public int ExpiryWithinDays { get; set; } = 60;
}

/// <summary>
/// The daily selection of convention reminders, set-based and keyed so that each is recorded once:
/// a signed or active convention expiring within 60 days (key: the convention and its expiry, so an
/// amendment that moves the expiry announces the new one), and each deliverable past its due date
/// (key: the deliverable and its due date), both to the convention's manager. Then the ledger sends.
/// </summary>
internal sealed class ConventionReminders(
    NpgsqlDataSource dataSource,
    ReminderLedger ledger,
    ConventionReminderEmails emails,
    TimeProvider clock,
    IOptions<ConventionReminderOptions> options)
    : IReminderSource
{
    public const string Schema = PartnershipsDbContext.SchemaName;

    public async Task<int> RecordDailyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recorded = await ExecuteAsync(
            connection,
            """
            INSERT INTO partnerships.reminders (key, kind, recipient, recipient_name, language, payload, status, attempts, next_attempt_on, created_on)
            SELECT 'expiry:' || c.id || ':' || to_char(c.expires_on, 'YYYY-MM-DD'), 'expiry', c.manager_email, NULL, 'fr',
                   jsonb_build_object('day', $1::date, 'reference', c.reference, 'title', c.title, 'expiresOn', c.expires_on),
                   'Pending', 0, $2, $2
            FROM partnerships.conventions c
            WHERE c.status IN ('Signed', 'Active') AND c.manager_email IS NOT NULL
              AND c.expires_on >= $1::date AND c.expires_on <= $1::date + $3
            ON CONFLICT (key) DO NOTHING
            """,
            day,
            now,
            options.Value.ExpiryWithinDays,
            cancellationToken);
        recorded += await ExecuteAsync(
            connection,
            """
            INSERT INTO partnerships.reminders (key, kind, recipient, recipient_name, language, payload, status, attempts, next_attempt_on, created_on)
            SELECT 'obligation:' || o.id || ':' || to_char(o.due_on, 'YYYY-MM-DD'), 'obligation', c.manager_email, NULL, 'fr',
                   jsonb_build_object('day', $1::date, 'reference', c.reference, 'title', c.title, 'description', o.description,
                       'dueOn', o.due_on, 'owedBy', coalesce(p.acronym, p.name, 'agence')),
                   'Pending', 0, $2, $2
            FROM partnerships.convention_obligations o
            JOIN partnerships.conventions c ON c.id = o.convention_id
            LEFT JOIN partnerships.partners p ON p.id = o.partner_id
            WHERE o.status = 'Pending' AND o.due_on < $1::date AND c.status IN ('Signed', 'Active') AND c.manager_email IS NOT NULL
            ON CONFLICT (key) DO NOTHING
            """,
            day,
            now,
            null,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    public Task<ReminderPass> SendPendingAsync(CancellationToken cancellationToken) => ledger.SendPendingAsync(Schema, emails, cancellationToken);

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, DateOnly day, DateTimeOffset now, int? days, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        if (days is { } within)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = within });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The convention reminders as emails to the agency's managers, in French, with a plain-text alternative.</summary>
internal sealed class ConventionReminderEmails : IReminderComposer
{
    public EmailMessage Compose(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        using var payload = JsonDocument.Parse(reminder.Payload);
        var root = payload.RootElement;
        var reference = root.GetProperty("reference").GetString();
        var title = root.GetProperty("title").GetString();
        var (subject, lines) = reminder.Kind switch
        {
            "expiry" => (
                $"Convention {reference} : expiration le {Date(root, "expiresOn")}",
                new List<string>
                {
                    $"La convention {reference} « {title} » expire le {Date(root, "expiresOn")}.",
                    "Pensez à préparer son renouvellement ou sa clôture avec les partenaires.",
                }),
            "obligation" => (
                $"Convention {reference} : livrable en retard",
                new List<string>
                {
                    $"Le livrable « {root.GetProperty("description").GetString()} » dû par {root.GetProperty("owedBy").GetString()} au titre de la convention {reference} « {title} » était attendu le {Date(root, "dueOn")}.",
                    "Merci de relancer la partie concernée, ou d'enregistrer le livrable comme fait ou abandonné.",
                }),
            _ => throw new InvalidOperationException($"Unknown reminder kind {reminder.Kind}."),
        };
        var text = new StringBuilder().AppendLine("Bonjour,").AppendLine();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body><p>Bonjour,</p>");
        foreach (var line in lines)
        {
            text.AppendLine(line);
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        html.Append("</body></html>");
        return new EmailMessage(reminder.Recipient, reminder.RecipientName, subject, text.ToString(), reminder.Key, html.ToString(), reminder.Language);
    }

    private static string Date(JsonElement root, string name) =>
        DateOnly.Parse(root.GetProperty(name).GetString()!, CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
