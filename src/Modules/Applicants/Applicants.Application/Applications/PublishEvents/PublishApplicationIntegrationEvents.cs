using Applicants.Contracts;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Messaging;
using Mediator;

namespace Applicants.Application.Applications.PublishEvents;

/// <summary>Tells the other modules of every transition, through the outbox, in the transaction of the change.</summary>
internal sealed class PublishApplicationIntegrationEvents(IIntegrationEventPublisher publisher) : INotificationHandler<ApplicationStageChangedDomainEvent>
{
    public ValueTask Handle(ApplicationStageChangedDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new ApplicationStageChangedIntegrationEvent(
            notification.ApplicationId.Value,
            notification.ProgrammeId,
            notification.ReferringPartnerId,
            notification.FromStage?.ToString(),
            notification.ToStage.ToString(),
            notification.Outcome,
            notification.Sequence,
            notification.OccurredOn,
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }
}
