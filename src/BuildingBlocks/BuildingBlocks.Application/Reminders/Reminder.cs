namespace BuildingBlocks.Application.Reminders;

public enum ReminderStatus
{
    /// <summary>Recorded, not sent yet (or sent back after a failure that may pass, at <see cref="Reminder.NextAttemptOn"/>).</summary>
    Pending,

    /// <summary>Taken by a sender. A row left here by a process that died is never sent again: it may have gone out.</summary>
    Sending,

    Sent,

    /// <summary>Refused by the server for good, out of attempts, or interrupted while sending: an operator looks at it.</summary>
    Failed,
}

/// <summary>
/// One reminder email in a module's ledger (<c>&lt;schema&gt;.reminders</c>), recorded under its
/// key (who, which day, what kind) before it is sent: the key is what makes a repeat impossible.
/// A module that sends reminders adds the table with <c>AddReminderLedger()</c> and records rows
/// set-based (<c>INSERT … SELECT … ON CONFLICT (key) DO NOTHING</c>); the ledger's sender does the rest.
/// </summary>
public sealed class Reminder
{
    private Reminder()
    {
        Key = Kind = Recipient = Language = Payload = string.Empty;
    }

    public Reminder(string key, string kind, string recipient, string? recipientName, string language, string payload, DateTimeOffset now)
    {
        Key = key;
        Kind = kind;
        Recipient = recipient;
        RecipientName = recipientName;
        Language = language;
        Payload = payload;
        Status = ReminderStatus.Pending;
        NextAttemptOn = now;
        CreatedOn = now;
    }

    /// <summary>A row as the sender claimed it.</summary>
    public static Reminder Claimed(string key, string kind, string recipient, string? recipientName, string language, string payload, int attempts, DateTimeOffset createdOn) =>
        new()
        {
            Key = key,
            Kind = kind,
            Recipient = recipient,
            RecipientName = recipientName,
            Language = language,
            Payload = payload,
            Status = ReminderStatus.Sending,
            Attempts = attempts,
            CreatedOn = createdOn,
        };

    /// <summary>E.g. <c>visits:{mentorId}:2026-11-26</c>; also the email's delivery key.</summary>
    public string Key { get; private set; }

    public string Kind { get; private set; }

    public string Recipient { get; private set; }

    public string? RecipientName { get; private set; }

    public string Language { get; private set; }

    /// <summary>What the message lists, as JSON, fixed when recorded: a retry sends the same message.</summary>
    public string Payload { get; private set; }

    public ReminderStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptOn { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public DateTimeOffset? ClaimedOn { get; private set; }

    public DateTimeOffset? SentOn { get; private set; }
}
