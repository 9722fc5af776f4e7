using BuildingBlocks.Contracts;

namespace BuildingBlocks.Application.Messaging;

/// <summary>
/// Publishes an integration event from inside a command: the event is written to the module's
/// outbox in the same transaction as the change, and delivered after commit.
/// </summary>
public interface IIntegrationEventPublisher
{
    void Publish(IIntegrationEvent integrationEvent);
}
