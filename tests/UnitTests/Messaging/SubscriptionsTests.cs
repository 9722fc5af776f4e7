using System.Reflection;
using Applicants.Infrastructure;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Messaging;
using BuildingBlocks.Infrastructure.Modules;
using Financing.Infrastructure;
using Mentoring.Infrastructure;
using Partnerships.Contracts;
using Partnerships.Infrastructure;
using Reporting.Infrastructure;

namespace UnitTests.Messaging;

public class SubscriptionsTests
{
    private static readonly ModuleDefinition[] Definitions =
    [
        ApplicantsModule.Definition,
        FinancingModule.Definition,
        MentoringModule.Definition,
        PartnershipsModule.Definition,
        ReportingModule.Definition,
    ];

    private readonly Subscriptions _subscriptions = new(Catalog());

    [Fact]
    public void Every_module_is_in_the_catalog()
    {
        Catalog().Modules.Select(m => m.Name).Should().BeEquivalentTo("Applicants", "Financing", "Mentoring", "Partnerships", "Reporting");
    }

    [Fact]
    public void Integration_events_are_found_in_the_modules_contracts()
    {
        _subscriptions.EventTypes.Values.Should().Contain([typeof(PartnerRegisteredIntegrationEvent), typeof(PartnerUpdatedIntegrationEvent)]);
        _subscriptions.EventTypes.Should().ContainKey(typeof(PartnerRegisteredIntegrationEvent).FullName!);
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
        _subscriptions.Find("Reporting", "Nowhere.Handler", typeof(PartnerRegisteredIntegrationEvent).FullName!).Should().BeNull();
    }

    [Fact]
    public void A_handler_of_two_events_is_found_for_each_by_the_event_type()
    {
        var catalog = new ModuleCatalog();
        var assembly = typeof(SubscriptionsTests).Assembly;
        catalog.Add(new ModuleDefinition("Test", "test", typeof(object), assembly, assembly, assembly));
        var subscriptions = new Subscriptions(catalog);
        var handler = typeof(TwoEventsHandler).FullName!;

        var first = subscriptions.Find("Test", handler, typeof(FirstTestEvent).FullName!);
        var second = subscriptions.Find("Test", handler, typeof(SecondTestEvent).FullName!);

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

    private static ModuleCatalog Catalog()
    {
        var catalog = new ModuleCatalog();
        foreach (var definition in Definitions)
        {
            catalog.Add(definition);
        }

        return catalog;
    }
}

internal sealed record FirstTestEvent(DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

internal sealed record SecondTestEvent(DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

internal sealed class TwoEventsHandler
    : global::BuildingBlocks.Application.Messaging.IIntegrationEventHandler<FirstTestEvent>,
      global::BuildingBlocks.Application.Messaging.IIntegrationEventHandler<SecondTestEvent>
{
    public Task Handle(FirstTestEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task Handle(SecondTestEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
