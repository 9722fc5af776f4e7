namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// One event for one handler of the receiving module, keyed by (message id, handler) so that the
/// handler runs once per event however often the event is delivered.
/// </summary>
public sealed class InboxMessage
{
    private InboxMessage()
    {
        Handler = string.Empty;
        Type = string.Empty;
        Content = string.Empty;
    }

    public Guid MessageId { get; private set; }

    public string Handler { get; private set; }

    public string Type { get; private set; }

    public string Content { get; private set; }

    public DateTimeOffset OccurredOn { get; private set; }

    public DateTimeOffset ReceivedOn { get; private set; }

    public DateTimeOffset? ProcessedOn { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? NextAttemptOn { get; private set; }

    /// <summary>Set when the message failed too often; an operator looks at it, the others go on.</summary>
    public DateTimeOffset? ParkedOn { get; private set; }

    /// <summary>Counts a failed attempt; a parked message waits for an operator, the others for <paramref name="nextAttemptOn"/>.</summary>
    internal void RecordFailure(string error, DateTimeOffset nextAttemptOn, DateTimeOffset? parkedOn)
    {
        // The attempt was rolled back: whatever it marked is undone with it.
        ProcessedOn = null;
        Attempts++;
        LastError = error;
        NextAttemptOn = nextAttemptOn;
        ParkedOn = parkedOn;
    }
}
