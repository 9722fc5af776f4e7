using BuildingBlocks.Domain;
using Partnerships.Domain.Partners;

namespace Partnerships.Domain.Conventions;

/// <summary>A partner that signs a convention, with its role. The agency is always the other party.</summary>
public sealed class ConventionParty : Entity<ConventionPartyId>, IPartOfAggregate<Convention>
{
    private ConventionParty()
    {
    }

    internal ConventionParty(PartnerId partner, PartyRole role)
    {
        Id = ConventionPartyId.New();
        PartnerId = partner;
        Role = role;
    }

    public PartnerId PartnerId { get; private set; }

    public PartyRole Role { get; private set; }
}

/// <summary>A non-financial commitment of one party: a deliverable with a due date.</summary>
public sealed class Obligation : Entity<ObligationId>, IPartOfAggregate<Convention>
{
    private Obligation()
    {
        Description = string.Empty;
    }

    internal Obligation(ObligationDetails details)
    {
        Id = ObligationId.New();
        PartnerId = details.PartnerId;
        Description = details.Description.Trim();
        DueOn = details.DueOn;
        Status = ObligationStatus.Pending;
    }

    /// <summary>The party that owes it; null for the agency.</summary>
    public Guid? PartnerId { get; private set; }

    public string Description { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>Pending, Done or Waived as recorded; see <see cref="StatusOn"/> for what it reads as.</summary>
    public ObligationStatus Status { get; private set; }

    public DateOnly? SettledOn { get; private set; }

    /// <summary>The status as read on a given day: a pending deliverable past its due date is late.</summary>
    public ObligationStatus StatusOn(DateOnly today) => Status == ObligationStatus.Pending && DueOn < today ? ObligationStatus.Late : Status;

    internal void Settle(ObligationStatus status, DateOnly on)
    {
        Status = status;
        SettledOn = status == ObligationStatus.Pending ? null : on;
    }
}

/// <summary>A change of a convention's terms, signed by the parties, keeping the terms it replaced.</summary>
public sealed class Amendment : Entity<AmendmentId>, IPartOfAggregate<Convention>
{
    private Amendment()
    {
        Summary = string.Empty;
        PreviousTerms = null!;
    }

    internal Amendment(int number, DateOnly signedOn, string summary, ConventionTerms previous, DateTimeOffset now)
    {
        Id = AmendmentId.New();
        Number = number;
        SignedOn = signedOn;
        Summary = summary.Trim();
        PreviousTerms = previous;
        RecordedOn = now;
    }

    /// <summary>1 for the first amendment, and so on.</summary>
    public int Number { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The terms as they were just before this amendment.</summary>
    public ConventionTerms PreviousTerms { get; private set; }

    public DateTimeOffset RecordedOn { get; private set; }
}
