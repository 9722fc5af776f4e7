using Applicants.Contracts;
using Applicants.Domain.Groups;
using BuildingBlocks.Application.Messaging;
using Mediator;

namespace Applicants.Application.Groups.PublishEvents;

/// <summary>Tells the other modules about groups, through the outbox, in the transaction of the change; members by id only.</summary>
internal sealed class PublishGroupIntegrationEvents(IIntegrationEventPublisher publisher)
    : INotificationHandler<GroupRegisteredDomainEvent>, INotificationHandler<GroupUpdatedDomainEvent>
{
    public ValueTask Handle(GroupRegisteredDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new GroupRegisteredIntegrationEvent(
            notification.GroupId.Value,
            notification.LegalForm.ToString(),
            notification.CommuneCode,
            notification.ProvinceCode,
            [.. notification.MemberIds.Select(m => m.Value)],
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(GroupUpdatedDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new GroupUpdatedIntegrationEvent(
            notification.GroupId.Value,
            notification.LegalForm.ToString(),
            notification.CommuneCode,
            notification.ProvinceCode,
            [.. notification.MemberIds.Select(m => m.Value)],
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }
}
