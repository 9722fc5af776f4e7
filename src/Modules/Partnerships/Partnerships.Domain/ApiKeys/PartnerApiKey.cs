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

    /// <summary>What the key may do (<c>referrals:write</c>, <c>status:read</c>, <c>webhooks:manage</c>); each partner endpoint names the scope it needs.</summary>
    public string[] Scopes { get; private set; } = [];

    /// <summary>The key this one replaced, when it was issued by a rotation.</summary>
    public PartnerApiKeyId? RotatedFrom { get; private set; }

    public bool IsRevoked => RevokedOn is not null;

    public static PartnerApiKey Issue(PartnerId partner, string label, string keyHash, string hint, IEnumerable<string> scopes, DateTimeOffset now) =>
        new()
        {
            Id = PartnerApiKeyId.New(),
            PartnerId = partner,
            Label = label,
            Hash = keyHash,
            Hint = hint,
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            IssuedOn = now,
        };

    /// <summary>A new key with the same label and scopes; this one stops working at once.</summary>
    public PartnerApiKey Rotate(string keyHash, string hint, DateTimeOffset now)
    {
        CheckRule(new RevokedKeyCannotBeRotatedRule(this));
        var next = Issue(PartnerId, Label, keyHash, hint, Scopes, now);
        next.RotatedFrom = Id;
        Revoke(now);
        return next;
    }

    public void Revoke(DateTimeOffset now) => RevokedOn ??= now;
}

/// <summary>A revoked key stays revoked: a new key is issued instead.</summary>
public sealed class RevokedKeyCannotBeRotatedRule(PartnerApiKey key) : IBusinessRule
{
    public string Code => "api-key.revoked";

    public LocalizedText Message => new(
        "This API key was revoked; issue a new one instead.",
        "Cette clé d'API a été révoquée ; émettez-en une nouvelle.",
        "تم إلغاء مفتاح الواجهة هذا؛ أصدر مفتاحا جديدا بدلا منه.");

    public bool IsBroken() => key.IsRevoked;
}
