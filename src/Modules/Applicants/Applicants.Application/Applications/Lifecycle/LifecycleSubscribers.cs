using Applicants.Domain.Applications;
using BuildingBlocks.Application.Messaging;
using Financing.Contracts;
using Mediator;
using Mentoring.Contracts;

namespace Applicants.Application.Applications.Lifecycle;

/// <summary>The committee approved: Eligible → Approved.</summary>
internal sealed class ApplicationApprovedSubscriber(ISender sender) : IIntegrationEventHandler<ApplicationApprovedIntegrationEvent>
{
    public Task Handle(ApplicationApprovedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        sender.Send(new AdvanceApplicationCommand(integrationEvent.ApplicationId, ApplicationStage.Approved, null, null), cancellationToken).AsTask();
}

/// <summary>The committee rejected: Eligible → Rejected, its reason kept.</summary>
internal sealed class ApplicationRejectedSubscriber(ISender sender) : IIntegrationEventHandler<ApplicationRejectedIntegrationEvent>
{
    public Task Handle(ApplicationRejectedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        sender.Send(new AdvanceApplicationCommand(integrationEvent.ApplicationId, ApplicationStage.Rejected, null, integrationEvent.Reason), cancellationToken).AsTask();
}

/// <summary>The committee deferred: the application stays Eligible, and its history says so.</summary>
internal sealed class ApplicationDeferredSubscriber(ISender sender) : IIntegrationEventHandler<ApplicationDeferredIntegrationEvent>
{
    public Task Handle(ApplicationDeferredIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        sender.Send(new AdvanceApplicationCommand(integrationEvent.ApplicationId, ApplicationStage.Eligible, "Deferred", integrationEvent.Reason), cancellationToken).AsTask();
}

/// <summary>The first tranche was paid: Approved → Financed. Later tranches change no stage.</summary>
internal sealed class TrancheDisbursedSubscriber(ISender sender) : IIntegrationEventHandler<TrancheDisbursedIntegrationEvent>
{
    public Task Handle(TrancheDisbursedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent.TrancheNumber == 1
            ? sender.Send(new AdvanceApplicationCommand(integrationEvent.ApplicationId, ApplicationStage.Financed, null, null), cancellationToken).AsTask()
            : Task.CompletedTask;
}

/// <summary>A mentor was assigned: Financed → InFollowUp.</summary>
internal sealed class MentorAssignedSubscriber(ISender sender) : IIntegrationEventHandler<MentorAssignedIntegrationEvent>
{
    public Task Handle(MentorAssignedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        sender.Send(new AdvanceApplicationCommand(integrationEvent.ApplicationId, ApplicationStage.InFollowUp, null, null), cancellationToken).AsTask();
}

/// <summary>
/// A visit that says the enterprise ceased, or the plan's last visit, closes the application with
/// the enterprise's state as its outcome (Ceased, Active, Struggling). Other visits change no stage.
/// </summary>
internal sealed class VisitReportedSubscriber(ISender sender) : IIntegrationEventHandler<VisitReportedIntegrationEvent>
{
    public Task Handle(VisitReportedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent.EnterpriseState == "Ceased" || integrationEvent.PlanCompleted
            ? sender.Send(new AdvanceApplicationCommand(integrationEvent.ApplicationId, ApplicationStage.Closed, integrationEvent.EnterpriseState, null), cancellationToken).AsTask()
            : Task.CompletedTask;
}
