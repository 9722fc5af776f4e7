using Reporting.Domain.Partners;

namespace UnitTests.Reporting;

public class PartnerFactTests
{
    private static readonly Guid PartnerId = Guid.CreateVersion7();
    private static readonly DateTimeOffset Registered = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_newer_event_is_applied()
    {
        var fact = PartnerFact.Record(PartnerId, "Association", "06.141", Registered);
        var later = Registered.AddHours(1);

        fact.Apply("Cooperative", "04.421", later);

        fact.PartnerType.Should().Be("Cooperative");
        fact.ProvinceCode.Should().Be("04.421");
        fact.LastEventOn.Should().Be(later);
        fact.RegisteredOn.Should().Be(Registered);
    }

    [Fact]
    public void An_older_event_arriving_late_is_ignored()
    {
        var fact = PartnerFact.Record(PartnerId, "Association", "06.141", Registered);
        fact.Apply("Cooperative", "04.421", Registered.AddHours(2));

        fact.Apply("Bank", null, Registered.AddHours(1));

        fact.PartnerType.Should().Be("Cooperative");
        fact.ProvinceCode.Should().Be("04.421");
        fact.LastEventOn.Should().Be(Registered.AddHours(2));
    }

    [Fact]
    public void The_same_event_applied_twice_leaves_the_same_state()
    {
        var fact = PartnerFact.Record(PartnerId, "Association", "06.141", Registered);
        var later = Registered.AddHours(1);

        fact.Apply("Cooperative", null, later);
        fact.Apply("Cooperative", null, later);

        fact.PartnerType.Should().Be("Cooperative");
        fact.ProvinceCode.Should().BeNull();
        fact.LastEventOn.Should().Be(later);
    }

    [Fact]
    public void A_registration_handled_after_an_update_still_dates_the_registration()
    {
        var update = Registered.AddHours(3);
        var fact = PartnerFact.Record(PartnerId, "Cooperative", "06.141", update);

        fact.Apply("Association", "06.141", Registered);

        fact.RegisteredOn.Should().Be(Registered);
        fact.PartnerType.Should().Be("Cooperative");
        fact.LastEventOn.Should().Be(update);
    }
}
