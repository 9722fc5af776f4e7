namespace BuildingBlocks.Infrastructure.Idempotency;

/// <summary>
/// One request made with an <c>Idempotency-Key</c>: written in the transaction of the command it
/// caused, then completed with the answer, which a repeat of the request receives again.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Caller = string.Empty;
        Key = string.Empty;
        Fingerprint = string.Empty;
    }

    public string Caller { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of the method, the path and the body.</summary>
    public string Fingerprint { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[]? Body { get; private set; }

    public DateTimeOffset? CompletedOn { get; private set; }
}
