using Mediator;

namespace BuildingBlocks.Domain;

/// <summary>
/// Something that happened inside one module. Handled in the same transaction as the change
/// that raised it, before commit.
/// </summary>
public interface IDomainEvent : INotification
{
    DateTimeOffset OccurredOn { get; }
}
