using System.Collections.Concurrent;
using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Messaging;
using BuildingBlocks.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Application.Abstractions;
using Partnerships.Contracts;
using Partnerships.Domain.Partners;

namespace IntegrationTests.Infrastructure;

/// <summary>Subscriptions and handlers that exist only in tests, swapped into a host through <see cref="ApiFactory.WithServices"/>.</summary>
internal static class TestSubscriptions
{
    public static readonly Type ReportingRegisteredHandler =
        Type.GetType("Reporting.Application.Partners.RecordPartner.PartnerRegisteredHandler, Reporting.Application", throwOnError: true)!;

    /// <summary>
    /// Makes the named module subscribe with the handlers of this test assembly as well as its own:
    /// the host then handles that module's inbox as it would a real subscriber's.
    /// </summary>
    public static void SubscribeFromTests(this IServiceCollection services, string moduleName)
    {
        services.AddScoped<VerifyPartnerWhenRegistered>();
        services.AddSingleton(sp =>
        {
            var real = sp.GetRequiredService<ModuleCatalog>();
            var catalog = new ModuleCatalog();
            foreach (var module in real.Modules)
            {
                catalog.Add(module.Name == moduleName ? module with { ApplicationAssembly = typeof(TestSubscriptions).Assembly } : module);
            }

            return new Subscriptions(catalog);
        });
    }

    /// <summary>Reporting's handler of a registration is replaced by one that always fails.</summary>
    public static void FailReportingHandler(this IServiceCollection services, FailingHandler<PartnerRegisteredIntegrationEvent> handler) =>
        services.AddScoped(ReportingRegisteredHandler, _ => handler);
}

/// <summary>Holds every event until <see cref="Release"/>: an inbox as slow as it gets.</summary>
internal sealed class GatedHandler<TEvent> : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entered;

    public int Entered => Volatile.Read(ref _entered);

    public void Release() => _gate.TrySetResult();

    public async Task Handle(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entered);
        await _gate.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>
/// An integration-event handler that changes an aggregate of its module directly rather than
/// sending a command: the change raises a domain event, which publishes an integration event.
/// </summary>
internal sealed class VerifyPartnerWhenRegistered(IPartnershipsDbContext db, TimeProvider clock)
    : IIntegrationEventHandler<PartnerRegisteredIntegrationEvent>
{
    public const string Suffix = " (verified)";

    public async Task Handle(PartnerRegisteredIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.SingleAsync(p => p.Id == new PartnerId(integrationEvent.PartnerId), cancellationToken);
        if (partner.Name?.EndsWith(Suffix, StringComparison.Ordinal) == true)
        {
            return;
        }

        partner.Update(
            new PartnerDetails(partner.Name + Suffix, partner.NameAr, partner.Acronym, partner.Type, partner.ProvinceCode, partner.ContactEmail, partner.ContactPhone),
            clock.GetUtcNow());
    }
}

/// <summary>
/// Always fails, and counts how often it ran for each message and whether two runs of one message
/// ever overlapped. Generic so that the scan of the test assembly never subscribes it by itself.
/// </summary>
internal sealed class FailingHandler<TEvent> : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    private readonly ConcurrentDictionary<Guid, int> _runs = new();
    private readonly ConcurrentDictionary<Guid, byte> _running = new();
    private int _overlaps;

    public IReadOnlyDictionary<Guid, int> Runs => _runs;

    public int Overlaps => _overlaps;

    public async Task Handle(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        _runs.AddOrUpdate(integrationEvent.Id, 1, (_, n) => n + 1);
        if (!_running.TryAdd(integrationEvent.Id, 0))
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            await Task.Yield();
            throw new InvalidOperationException("This handler always fails.");
        }
        finally
        {
            _running.TryRemove(integrationEvent.Id, out _);
        }
    }
}

/// <summary>
/// Writes in the message's transaction, then fails for the events it is told to: the failure
/// comes after a write, so the batch cannot simply go on. Succeeds for every other event. Generic
/// so that the scan of the test assembly never subscribes it by itself.
/// </summary>
internal sealed class WritingThenFailingHandler<TEvent>(IServiceProvider scope, IReadOnlySet<Guid> failFor, ConcurrentDictionary<Guid, int> runs)
    : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    public async Task Handle(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var reporting = scope.GetRequiredService<ModuleCatalog>().Named("Reporting")!;
        var db = (DbContext)scope.GetRequiredService(reporting.DbContextType);
        // A statement that is not a read, in the inbox's transaction (it changes no row).
        await db.Database.ExecuteSqlRawAsync("UPDATE reporting.inbox_messages SET attempts = attempts WHERE false", cancellationToken);
        if (failFor.Contains(integrationEvent.Id))
        {
            runs.AddOrUpdate(integrationEvent.Id, 1, (_, n) => n + 1);
            throw new InvalidOperationException("This handler fails after writing.");
        }
    }
}
