namespace BuildingBlocks.Contracts;

/// <summary>
/// A fact one module publishes for the others. Named in the past tense, carries primitives only,
/// and is versioned by addition: add properties, never rename or remove one.
/// Its <see cref="Id"/> is the id of the outbox row that carries it, so a replay keeps its id.
/// </summary>
public interface IIntegrationEvent
{
    Guid Id { get; }

    DateTimeOffset OccurredOn { get; }
}

/// <summary>Convenience base record for integration events.</summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    protected IntegrationEvent(DateTimeOffset occurredOn)
    {
        Id = Guid.CreateVersion7(occurredOn);
        OccurredOn = occurredOn;
    }

    public Guid Id { get; init; }

    public DateTimeOffset OccurredOn { get; init; }
}
