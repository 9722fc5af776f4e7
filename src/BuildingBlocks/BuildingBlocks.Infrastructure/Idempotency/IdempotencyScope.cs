namespace BuildingBlocks.Infrastructure.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> of the current request, if it has one. The unit of work writes the
/// record in the transaction of the request's command, so the command and the record commit
/// together: a repeat either finds the record or runs the command, never both.
/// </summary>
public sealed class IdempotencyScope
{
    public string? Caller { get; private set; }

    public string? Key { get; private set; }

    public string? Fingerprint { get; private set; }

    /// <summary>Whether a command of this request has written the record.</summary>
    public bool Recorded { get; private set; }

    public bool IsActive => Key is not null;

    internal void Begin(string caller, string key, string fingerprint)
    {
        Caller = caller;
        Key = key;
        Fingerprint = fingerprint;
    }

    internal void MarkRecorded() => Recorded = true;
}
