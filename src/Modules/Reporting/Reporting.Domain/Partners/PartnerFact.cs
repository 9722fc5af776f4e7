namespace Reporting.Domain.Partners;

/// <summary>
/// Reporting's own record of a partner, built only from Partnerships' events. Keeps the time of
/// the last event applied, so an event that arrives late never overwrites a newer one.
/// </summary>
public sealed class PartnerFact
{
    private PartnerFact()
    {
        PartnerType = string.Empty;
    }

    public Guid PartnerId { get; private set; }

    public string PartnerType { get; private set; }

    public string? ProvinceCode { get; private set; }

    public DateTimeOffset RegisteredOn { get; private set; }

    public DateTimeOffset LastEventOn { get; private set; }

    public static PartnerFact Record(Guid partnerId, string partnerType, string? provinceCode, DateTimeOffset occurredOn) =>
        new()
        {
            PartnerId = partnerId,
            PartnerType = partnerType,
            ProvinceCode = provinceCode,
            RegisteredOn = occurredOn,
            LastEventOn = occurredOn,
        };

    /// <summary>Applies a later state; ignores one older than what is already known.</summary>
    public void Apply(string partnerType, string? provinceCode, DateTimeOffset occurredOn)
    {
        // An update can be handled before the registration (a retried message): the earliest
        // event known is the best estimate of when the partner was registered.
        if (occurredOn < RegisteredOn)
        {
            RegisteredOn = occurredOn;
        }

        if (occurredOn < LastEventOn)
        {
            return;
        }

        PartnerType = partnerType;
        ProvinceCode = provinceCode;
        LastEventOn = occurredOn;
    }
}
