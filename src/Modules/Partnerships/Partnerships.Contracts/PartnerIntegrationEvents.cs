using BuildingBlocks.Contracts;

namespace Partnerships.Contracts;

/// <summary>A partner organisation was registered. <c>PartnerType</c> is the name of the type (e.g. <c>Association</c>).</summary>
public sealed record PartnerRegisteredIntegrationEvent(
    Guid PartnerId,
    string PartnerType,
    string? ProvinceCode,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>A partner organisation's details changed; carries the values after the change.</summary>
public sealed record PartnerUpdatedIntegrationEvent(
    Guid PartnerId,
    string PartnerType,
    string? ProvinceCode,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);
