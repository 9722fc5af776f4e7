using BuildingBlocks.Contracts;

namespace Partnerships.Contracts;

/// <summary>A partner organisation was registered. <c>PartnerType</c> is the name of the type (e.g. <c>Association</c>).</summary>
[IntegrationEventName("partnerships.partner-registered", 1)]
public sealed record PartnerRegisteredIntegrationEvent(
    Guid PartnerId,
    string PartnerType,
    string? ProvinceCode,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>A partner organisation's details changed; carries the values after the change.</summary>
[IntegrationEventName("partnerships.partner-updated", 1)]
public sealed record PartnerUpdatedIntegrationEvent(
    Guid PartnerId,
    string PartnerType,
    string? ProvinceCode,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);
