using BuildingBlocks.Application.Messaging;
using Financing.Application.Abstractions;
using Financing.Contracts;
using Financing.Domain.Financings.Events;
using Mediator;

namespace Financing.Application.Financings.PublishEvents;

/// <summary>
/// Tells the other modules about approvals and payments, through the outbox, in the transaction of
/// the change. The aggregates are still tracked by the command that raised the events.
/// </summary>
internal sealed class PublishFinancingIntegrationEvents(IFinancingDbContext db, IIntegrationEventPublisher publisher)
    : INotificationHandler<FinancingApprovedDomainEvent>, INotificationHandler<TrancheDisbursedDomainEvent>
{
    public ValueTask Handle(FinancingApprovedDomainEvent notification, CancellationToken cancellationToken)
    {
        var f = db.Financings.Local.Single(x => x.Id == notification.FinancingId);
        var programme = db.Programmes.Local.Single(p => p.Id == f.ProgrammeId);
        publisher.Publish(new ApplicationApprovedIntegrationEvent(
            f.ApplicationId,
            f.ProgrammeId.Value,
            f.Id.Value,
            f.CommitteeId ?? Guid.Empty,
            f.HolderKind,
            f.HolderId,
            f.Sector,
            f.CommuneCode,
            f.ProvinceCode,
            f.TotalCost.Amount,
            f.GrantAmount.Amount,
            f.LoanAmount.Amount,
            new FollowUpPolicy(programme.FollowUpMonthlyVisitsForMonths, programme.FollowUpQuarterlyVisitsUntilMonth),
            programme.CoordinatorEmail,
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(TrancheDisbursedDomainEvent notification, CancellationToken cancellationToken)
    {
        var f = db.Financings.Local.Single(x => x.Id == notification.FinancingId);
        var tranche = f.Tranches.Single(t => t.Number == notification.TrancheNumber);
        publisher.Publish(new TrancheDisbursedIntegrationEvent(
            f.Id.Value,
            f.ApplicationId,
            f.ProgrammeId.Value,
            tranche.Number,
            f.Tranches.Count,
            tranche.Amount.Amount,
            tranche.DisbursedOn!.Value,
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }
}
