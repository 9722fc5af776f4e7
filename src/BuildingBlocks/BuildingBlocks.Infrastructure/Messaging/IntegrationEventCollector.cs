using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Contracts;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>Collects the integration events a command publishes; the unit of work writes them to the outbox.</summary>
internal sealed class IntegrationEventCollector : IIntegrationEventPublisher
{
    private readonly List<IIntegrationEvent> _events = [];

    public void Publish(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        _events.Add(integrationEvent);
    }

    public IReadOnlyList<IIntegrationEvent> Drain()
    {
        var drained = _events.ToList();
        _events.Clear();
        return drained;
    }
}
