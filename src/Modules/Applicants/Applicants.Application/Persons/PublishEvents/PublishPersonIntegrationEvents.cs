using Applicants.Contracts;
using Applicants.Domain.Persons.Events;
using BuildingBlocks.Application.Messaging;
using Mediator;

namespace Applicants.Application.Persons.PublishEvents;

/// <summary>Tells the other modules about persons, through the outbox, in the transaction of the change; never their identity.</summary>
internal sealed class PublishPersonIntegrationEvents(IIntegrationEventPublisher publisher)
    : INotificationHandler<PersonRegisteredDomainEvent>, INotificationHandler<PersonUpdatedDomainEvent>, INotificationHandler<PersonMergedDomainEvent>
{
    public ValueTask Handle(PersonRegisteredDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new PersonRegisteredIntegrationEvent(
            notification.PersonId.Value,
            notification.Sex.ToString(),
            notification.BirthDate,
            notification.Disability.ToString(),
            [.. notification.Categories.Select(c => c.ToString())],
            notification.CommuneCode,
            notification.ProvinceCode,
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(PersonUpdatedDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new PersonUpdatedIntegrationEvent(
            notification.PersonId.Value,
            notification.Sex.ToString(),
            notification.BirthDate,
            notification.Disability.ToString(),
            [.. notification.Categories.Select(c => c.ToString())],
            notification.CommuneCode,
            notification.ProvinceCode,
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(PersonMergedDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new PersonMergedIntegrationEvent(notification.PersonId.Value, notification.MergedIntoId.Value, notification.OccurredOn));
        return ValueTask.CompletedTask;
    }
}
