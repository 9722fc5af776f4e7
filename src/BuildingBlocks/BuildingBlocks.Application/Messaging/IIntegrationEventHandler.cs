using BuildingBlocks.Contracts;

namespace BuildingBlocks.Application.Messaging;

/// <summary>
/// A module's subscription to another module's integration event. Found by type at start-up;
/// each handler gets its own inbox row per event and handles it once, in its own transaction.
/// Its usual job is to send one of its own module's commands.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task Handle(TEvent integrationEvent, CancellationToken cancellationToken);
}
