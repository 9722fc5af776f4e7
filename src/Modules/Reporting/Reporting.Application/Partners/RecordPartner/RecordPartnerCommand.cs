using Mediator;

namespace Reporting.Application.Partners.RecordPartner;

/// <summary>Records what Partnerships said of a partner; safe to repeat and to receive out of order.</summary>
public sealed record RecordPartnerCommand(Guid PartnerId, string PartnerType, string? ProvinceCode, DateTimeOffset OccurredOn) : ICommand;
