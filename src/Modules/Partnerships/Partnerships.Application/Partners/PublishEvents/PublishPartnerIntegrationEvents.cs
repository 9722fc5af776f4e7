using BuildingBlocks.Application.Messaging;
using Mediator;
using Partnerships.Contracts;
using Partnerships.Domain.Partners.Events;

namespace Partnerships.Application.Partners.PublishEvents;

/// <summary>Tells the other modules about partners, through the outbox, in the transaction of the change.</summary>
internal sealed class PublishPartnerIntegrationEvents(IIntegrationEventPublisher publisher)
    : INotificationHandler<PartnerRegisteredDomainEvent>, INotificationHandler<PartnerUpdatedDomainEvent>
{
    public ValueTask Handle(PartnerRegisteredDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new PartnerRegisteredIntegrationEvent(
            notification.PartnerId.Value, notification.Type.ToString(), notification.ProvinceCode, notification.OccurredOn));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(PartnerUpdatedDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new PartnerUpdatedIntegrationEvent(
            notification.PartnerId.Value, notification.Type.ToString(), notification.ProvinceCode, notification.OccurredOn));
        return ValueTask.CompletedTask;
    }
}
