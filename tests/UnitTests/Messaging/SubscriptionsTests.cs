using System.Reflection;
using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Messaging;
using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Contracts;
using Partnerships.Infrastructure;

namespace UnitTests.Messaging;

public class SubscriptionsTests
{
    private readonly Subscriptions _subscriptions = new(Catalog());

    [Fact]
    public void Every_hosted_module_with_an_outbox_and_inbox_is_in_the_catalog()
    {
        // A module whose DbContext carries an outbox and an inbox must register itself in the
        // catalog, or the dispatcher never drains it and its handlers never run.
        var withMessaging = HostedModules.All
            .Where(m => m.Registration.Assembly.GetTypes().Any(t => !t.IsAbstract && typeof(ModuleDbContext).IsAssignableFrom(t)))
            .Select(m => m.Name)
            .ToList();

        withMessaging.Should().Contain(["Partnerships", "Reporting"]);
        Catalog().Modules.Select(m => m.Name).Should().BeEquivalentTo(withMessaging);
    }

    [Fact]
    public void Every_integration_event_handler_of_a_hosted_module_is_found_by_the_subscription_scan()
    {
        var catalogued = Catalog().Modules.Select(m => m.ApplicationAssembly).ToHashSet();
        var handlers = HostedModules.All
            .SelectMany(m => Assembly.Load(new AssemblyName($"{m.Name}.Application")).GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>)))
            .ToList();

        handlers.Should().NotBeEmpty();
        handlers.Where(h => !catalogued.Contains(h.Assembly)).Select(h => h.FullName).Should().BeEmpty(
            "a handler in a module that is not in the catalog (no inbox) would never be called");
    }

    [Fact]
    public void Integration_events_are_found_in_the_modules_contracts()
    {
        _subscriptions.EventTypes.Values.Should().Contain([typeof(PartnerRegisteredIntegrationEvent), typeof(PartnerUpdatedIntegrationEvent)]);
        _subscriptions.EventTypes.Should().ContainKey("partnerships.partner-registered.v1");
    }

    [Fact]
    public void Every_integration_event_has_an_explicit_versioned_name_of_its_module()
    {
        var unnamed = new List<string>();
        foreach (var module in Catalog().Modules)
        {
            foreach (var type in IntegrationEvents(module))
            {
                var name = type.GetCustomAttribute<IntegrationEventNameAttribute>();
                var prefix = module.Name.ToLowerInvariant() + ".";
                if (name is null || !name.Name.StartsWith(prefix, StringComparison.Ordinal)
                    || !System.Text.RegularExpressions.Regex.IsMatch(name.Name, "^[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*$") || name.Version < 1)
                {
                    unnamed.Add(type.FullName!);
                }
            }
        }

        Catalog().Modules.SelectMany(IntegrationEvents).Should().NotBeEmpty();
        unnamed.Should().BeEmpty("every integration event carries [IntegrationEventName(\"module.fact-in-the-past\", version)]: its class name must be free to change");
    }

    [Fact]
    public void No_two_integration_events_share_a_name()
    {
        var shared = Catalog().Modules.SelectMany(IntegrationEvents)
            .GroupBy(t => t.GetCustomAttribute<IntegrationEventNameAttribute>()?.WireName)
            .Where(g => g.Key is not null && g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        shared.Should().BeEmpty();
    }

    [Fact]
    public void The_name_on_the_wire_is_the_contract_name_not_the_class_name()
    {
        MessageSerializer.TypeName(typeof(PartnerRegisteredIntegrationEvent)).Should().Be("partnerships.partner-registered.v1");
        MessageSerializer.TypeName(typeof(PartnerUpdatedIntegrationEvent)).Should().Be("partnerships.partner-updated.v1");
        var unnamed = () => MessageSerializer.TypeName(typeof(UnnamedTestEvent));
        unnamed.Should().Throw<InvalidOperationException>().WithMessage("*IntegrationEventName*");
    }

    [Fact]
    public void The_migration_of_stored_names_covers_every_event_that_had_a_class_name_on_the_wire()
    {
        // Rows written before the contract names carry the CLR names: each must map to the current name.
        EventNameMigrations.ClrNamesToContractNames.Values.Should().OnlyContain(name => _subscriptions.EventTypes.ContainsKey(name));
        EventNameMigrations.ClrNamesToContractNames[typeof(PartnerRegisteredIntegrationEvent).FullName!]
            .Should().Be(MessageSerializer.TypeName(typeof(PartnerRegisteredIntegrationEvent)));
    }

    [Fact]
    public void Reporting_handles_the_registration_of_a_partner()
    {
        var subscriptions = _subscriptions.For(MessageSerializer.TypeName(typeof(PartnerRegisteredIntegrationEvent)));

        var subscription = subscriptions.Should().ContainSingle().Subject;
        subscription.Module.Name.Should().Be("Reporting");
        subscription.HandlerName.Should().Be("Reporting.Application.Partners.RecordPartner.PartnerRegisteredHandler");
        subscription.EventType.Should().Be<PartnerRegisteredIntegrationEvent>();
        _subscriptions.Find("Reporting", subscription.HandlerName, subscription.EventTypeName).Should().BeSameAs(subscription);
    }

    [Fact]
    public void Every_integration_event_has_a_subscriber_or_says_on_purpose_that_it_has_none()
    {
        var unheard = _subscriptions.EventTypes
            .Where(e => _subscriptions.For(e.Key).Count == 0 && e.Value.GetCustomAttribute<NoSubscribersAttribute>() is null)
            .Select(e => e.Key)
            .ToList();

        _subscriptions.EventTypes.Should().NotBeEmpty();
        unheard.Should().BeEmpty("an integration event with no handler must carry [NoSubscribers(reason)], or it is published into the void");
    }

    [Fact]
    public void Every_subscription_handles_an_event_declared_in_some_module_contracts()
    {
        _subscriptions.All.Should().NotBeEmpty();
        _subscriptions.All.Select(s => s.EventTypeName).Should().OnlyContain(name => _subscriptions.EventTypes.ContainsKey(name));
    }

    [Fact]
    public void An_event_without_subscription_has_none()
    {
        _subscriptions.For("Nowhere.Contracts.NothingHappenedIntegrationEvent").Should().BeEmpty();
        _subscriptions.Find("Reporting", "Nowhere.Handler", MessageSerializer.TypeName(typeof(PartnerRegisteredIntegrationEvent))).Should().BeNull();
        _subscriptions.Find("Reporting", "Reporting.Application.Partners.RecordPartner.PartnerRegisteredHandler", typeof(PartnerRegisteredIntegrationEvent).FullName!)
            .Should().BeNull("a class name is not an event name");
    }

    [Fact]
    public void A_handler_of_two_events_is_found_for_each_by_the_event_type()
    {
        var catalog = new ModuleCatalog();
        var assembly = typeof(SubscriptionsTests).Assembly;
        catalog.Add(new ModuleDefinition("Test", "test", typeof(object), assembly, assembly, assembly));
        var subscriptions = new Subscriptions(catalog);
        var handler = typeof(TwoEventsHandler).FullName!;

        var first = subscriptions.Find("Test", handler, "test.first-happened.v1");
        var second = subscriptions.Find("Test", handler, "test.second-happened.v1");

        first!.EventType.Should().Be<FirstTestEvent>();
        second!.EventType.Should().Be<SecondTestEvent>();
    }

    [Fact]
    public void A_module_registered_twice_is_refused()
    {
        var catalog = new ModuleCatalog();
        catalog.Add(PartnershipsModule.Definition);

        var act = () => catalog.Add(PartnershipsModule.Definition);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_registration_survives_the_outbox_round_trip()
    {
        var occurredOn = new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.FromHours(1)).AddTicks(1234);
        var sent = new PartnerRegisteredIntegrationEvent(Guid.CreateVersion7(), "Association", "06.141", occurredOn);

        var json = MessageSerializer.Serialize(sent);
        var received = MessageSerializer.Deserialize(json, _subscriptions.EventTypes[MessageSerializer.TypeName(sent.GetType())]);

        var registered = received.Should().BeOfType<PartnerRegisteredIntegrationEvent>().Subject;
        registered.Id.Should().Be(sent.Id);
        registered.OccurredOn.Should().Be(occurredOn);
        registered.OccurredOn.Offset.Should().Be(TimeSpan.FromHours(1));
        registered.PartnerId.Should().Be(sent.PartnerId);
        registered.PartnerType.Should().Be("Association");
        registered.ProvinceCode.Should().Be("06.141");
        registered.Should().Be(sent);
    }

    [Fact]
    public void The_round_trip_keeps_a_replayed_id_rather_than_minting_a_new_one()
    {
        var replayed = new PartnerRegisteredIntegrationEvent(Guid.CreateVersion7(), "Bank", null, DateTimeOffset.UnixEpoch) with
        {
            Id = Guid.Parse("0195a1d2-0000-7000-8000-000000000001"),
        };

        var received = (PartnerRegisteredIntegrationEvent)MessageSerializer.Deserialize(
            MessageSerializer.Serialize(replayed), typeof(PartnerRegisteredIntegrationEvent));

        received.Id.Should().Be(replayed.Id);
        received.ProvinceCode.Should().BeNull();
    }

    private static IEnumerable<Type> IntegrationEvents(ModuleDefinition module) =>
        module.ContractsAssembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IIntegrationEvent).IsAssignableFrom(t));

    /// <summary>The catalog as the host builds it: every module of its list, registered.</summary>
    private static ModuleCatalog Catalog()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        foreach (var module in HostedModules.All)
        {
            module.AddServices(services, configuration);
        }

        return services.GetCatalog();
    }
}

[IntegrationEventName("test.first-happened", 1)]
internal sealed record FirstTestEvent(DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

[IntegrationEventName("test.second-happened", 1)]
internal sealed record SecondTestEvent(DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

// Abstract, so that the scan of this assembly as a module's Contracts passes it by.
internal abstract record UnnamedTestEvent(DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

internal sealed class TwoEventsHandler
    : global::BuildingBlocks.Application.Messaging.IIntegrationEventHandler<FirstTestEvent>,
      global::BuildingBlocks.Application.Messaging.IIntegrationEventHandler<SecondTestEvent>
{
    public Task Handle(FirstTestEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task Handle(SecondTestEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
