using BuildingBlocks.Domain;

namespace Partnerships.Domain.Partners.Events;

public sealed record PartnerRegisteredDomainEvent(PartnerId PartnerId, PartnerType Type, string? ProvinceCode, DateTimeOffset OccurredOn) : IDomainEvent;

public sealed record PartnerUpdatedDomainEvent(PartnerId PartnerId, PartnerType Type, string? ProvinceCode, DateTimeOffset OccurredOn) : IDomainEvent;
