using BuildingBlocks.Domain;
using Partnerships.Domain.Partners;

namespace Partnerships.Domain.ApiKeys;

public readonly record struct PartnerApiKeyId(Guid Value) : IStronglyTypedId
{
    public static PartnerApiKeyId New() => new(Guid.CreateVersion7());
}

/// <summary>
/// A partner system's credential. Only the hash is kept; the key itself is shown once, when it is
/// issued. <see cref="Hint"/> (its first characters) lets people tell keys apart.
/// </summary>
public sealed class PartnerApiKey : AggregateRoot<PartnerApiKeyId>
{
    private PartnerApiKey()
    {
        Hash = string.Empty;
        Hint = string.Empty;
        Label = string.Empty;
    }

    public PartnerId PartnerId { get; private set; }

    public string Label { get; private set; }

    public string Hash { get; private set; }

    public string Hint { get; private set; }

    public DateTimeOffset IssuedOn { get; private set; }

    public DateTimeOffset? RevokedOn { get; private set; }

    public static PartnerApiKey Issue(PartnerId partner, string label, string keyHash, string hint, DateTimeOffset now) =>
        new()
        {
            Id = PartnerApiKeyId.New(),
            PartnerId = partner,
            Label = label,
            Hash = keyHash,
            Hint = hint,
            IssuedOn = now,
        };

    public void Revoke(DateTimeOffset now) => RevokedOn ??= now;
}
