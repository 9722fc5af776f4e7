using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Persistence;
using Mediator;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// What a unit of work promises, whoever opened it (a command through the pipeline, or the inbox
/// handling a message): the domain events raised by tracked aggregates are handled before commit,
/// the integration events published meanwhile are written to the module's outbox, and everything
/// is saved in the one open transaction. One per scope, so a command sent by an integration-event
/// handler and the inbox around it share the same collector and know together whether the
/// outbox was written.
/// </summary>
internal sealed class UnitOfWork(IPublisher publisher, IntegrationEventCollector collector, DispatchSignal signal)
{
    private const int MaxDomainEventRounds = 10;
    // The schemas whose outbox this unit of work wrote: the relay is woken for those alone.
    private readonly HashSet<string> _wroteOutbox = new(StringComparer.Ordinal);

    /// <summary>Handles domain events until none are left, writes integration events to the outbox, saves.</summary>
    public async Task FlushAsync(ModuleDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var round = 0; ; round++)
        {
            var events = db.ChangeTracker.Entries<IAggregateRoot>()
                .SelectMany(e =>
                {
                    var raised = e.Entity.DomainEvents.ToList();
                    e.Entity.ClearDomainEvents();
                    return raised;
                })
                .ToList();
            if (events.Count == 0)
            {
                break;
            }

            if (round == MaxDomainEventRounds)
            {
                throw new InvalidOperationException("Domain events keep raising new events; is there a cycle?");
            }

            foreach (var domainEvent in events)
            {
                await publisher.Publish(domainEvent, cancellationToken);
            }
        }

        var integrationEvents = collector.Drain();
        foreach (var integrationEvent in integrationEvents)
        {
            db.OutboxMessages.Add(new OutboxMessage(
                integrationEvent.Id,
                MessageSerializer.TypeName(integrationEvent.GetType()),
                MessageSerializer.Serialize(integrationEvent),
                integrationEvent.OccurredOn));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (integrationEvents.Count > 0)
        {
            _wroteOutbox.Add(db.Schema);
        }
    }

    /// <summary>
    /// Forgets what a failed attempt left behind (tracked changes, raised and published events),
    /// after the transaction was rolled back to before it.
    /// </summary>
    public void Discard(ModuleDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        collector.Drain();
    }

    /// <summary>Called after commit: wakes the dispatcher if this unit of work wrote to an outbox.</summary>
    public void Committed()
    {
        foreach (var schema in _wroteOutbox)
        {
            signal.Notify(schema);
        }

        _wroteOutbox.Clear();
    }
}
