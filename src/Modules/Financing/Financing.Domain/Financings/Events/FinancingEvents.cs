using BuildingBlocks.Domain;

namespace Financing.Domain.Financings.Events;

public sealed record FinancingApprovedDomainEvent(FinancingId FinancingId, DateTimeOffset OccurredOn) : IDomainEvent;

public sealed record TrancheDisbursedDomainEvent(FinancingId FinancingId, int TrancheNumber, DateTimeOffset OccurredOn) : IDomainEvent;
