using BuildingBlocks.Domain;

namespace Partnerships.Domain.Webhooks;

public readonly record struct WebhookDeliveryId(Guid Value) : IStronglyTypedId
{
    public static WebhookDeliveryId New() => new(Guid.CreateVersion7());
}

/// <summary>Where a partner's system wants its events posted, and the secret they are signed with. One per partner.</summary>
public sealed class WebhookEndpoint
{
    private WebhookEndpoint()
    {
        Url = Secret = string.Empty;
    }

    /// <summary>The partner it belongs to: also its key, a partner has one endpoint.</summary>
    public Guid PartnerId { get; private set; }

    public string Url { get; private set; }

    /// <summary>Kept as such because every delivery is signed with it (a hash could not sign).</summary>
    public string Secret { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public DateTimeOffset UpdatedOn { get; private set; }

    public static WebhookEndpoint Register(Guid partnerId, string url, string secret, DateTimeOffset now) =>
        new() { PartnerId = partnerId, Url = url, Secret = secret, CreatedOn = now, UpdatedOn = now };

    public void Change(string url, string secret, DateTimeOffset now)
    {
        Url = url;
        Secret = secret;
        UpdatedOn = now;
    }
}

/// <summary>Where a delivery is.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its turn: its next attempt, or an earlier delivery of the same project.</summary>
    Pending,

    /// <summary>Being posted right now.</summary>
    Sending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Out of attempts: replay it once the receiver is fixed (the project's later deliveries wait for it).</summary>
    Failed,
}

/// <summary>
/// One event for one partner's endpoint: its body is fixed when it is recorded, so every attempt
/// and every replay posts the same bytes (signed afresh, with the time of the attempt).
/// </summary>
public sealed class WebhookDelivery
{
    private readonly List<WebhookAttempt> _attemptLog = [];

    private WebhookDelivery()
    {
        EventType = Payload = string.Empty;
    }

    public WebhookDeliveryId Id { get; private set; }

    public Guid PartnerId { get; private set; }

    /// <summary>The project (application) the event is about: deliveries of one project go out in order.</summary>
    public Guid ApplicationId { get; private set; }

    /// <summary>The stage change's sequence in the project's history: the order of delivery.</summary>
    public int Sequence { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The exact body posted.</summary>
    public string Payload { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>Attempts in the current round (a replay starts a new round).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptOn { get; private set; }

    public DateTimeOffset? ClaimedOn { get; private set; }

    public DateTimeOffset? DeliveredOn { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public IReadOnlyCollection<WebhookAttempt> AttemptLog => _attemptLog;

    public static WebhookDelivery Record(WebhookDeliveryId id, Guid partnerId, Guid applicationId, int sequence, string eventType, string payload, DateTimeOffset now) =>
        new()
        {
            Id = id,
            PartnerId = partnerId,
            ApplicationId = applicationId,
            Sequence = sequence,
            EventType = eventType,
            Payload = payload,
            Status = WebhookDeliveryStatus.Pending,
            NextAttemptOn = now,
            CreatedOn = now,
        };

    /// <summary>Sends it again as soon as the sender runs, with a fresh round of attempts; answers false when it is being sent right now.</summary>
    public bool Replay(DateTimeOffset now)
    {
        if (Status == WebhookDeliveryStatus.Sending)
        {
            return false;
        }

        Status = WebhookDeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptOn = now;
        return true;
    }
}

/// <summary>One try at posting a delivery, as the receiver answered it.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    public long Id { get; private set; }

    public WebhookDeliveryId DeliveryId { get; private set; }

    /// <summary>1 for the first attempt ever, replays included.</summary>
    public int Number { get; private set; }

    public DateTimeOffset AttemptedOn { get; private set; }

    /// <summary>The receiver's HTTP status; null when it could not be reached.</summary>
    public int? StatusCode { get; private set; }

    /// <summary>Why it failed, when it did: the status or the kind of network error, never the receiver's body.</summary>
    public string? Error { get; private set; }

    public int DurationMs { get; private set; }
}
