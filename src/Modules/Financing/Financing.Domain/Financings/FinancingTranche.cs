using BuildingBlocks.Domain;

namespace Financing.Domain.Financings;

/// <summary>
/// A part of a project's grant, paid when its turn comes: the first at once, a conditional one only
/// after a positive follow-up visit. Disbursing records the day, the amount, the payment reference
/// and who did it.
/// </summary>
public sealed class FinancingTranche : Entity<FinancingTrancheId>, IPartOfAggregate<ProjectFinancing>
{
    private FinancingTranche()
    {
    }

    /// <summary>1 for the first tranche.</summary>
    public int Number { get; private set; }

    public Money Amount { get; private set; }

    public bool RequiresPositiveVisit { get; private set; }

    /// <summary>When a positive visit released this conditional tranche; null while it waits (or when it needs none).</summary>
    public DateOnly? ReleasedByVisitOn { get; private set; }

    public DateOnly? DisbursedOn { get; private set; }

    public string? PaymentReference { get; private set; }

    /// <summary>The staff member who recorded the payment; null when the system did.</summary>
    public Guid? DisbursedBy { get; private set; }

    public DateTimeOffset? RecordedOn { get; private set; }

    public bool IsDisbursed => DisbursedOn is not null;

    public bool IsWaitingForVisit => RequiresPositiveVisit && ReleasedByVisitOn is null;

    internal static FinancingTranche Create(int number, Money amount, bool requiresPositiveVisit) => new()
    {
        Id = FinancingTrancheId.New(),
        Number = number,
        Amount = amount,
        RequiresPositiveVisit = requiresPositiveVisit,
    };

    /// <summary>A revision of the plan changed what is left to pay.</summary>
    internal void Reallocate(Money amount) => Amount = amount;

    internal void Release(DateOnly visitedOn) => ReleasedByVisitOn = visitedOn;

    internal void Disburse(DateOnly on, string paymentReference, Guid? by, DateTimeOffset now)
    {
        DisbursedOn = on;
        PaymentReference = paymentReference;
        DisbursedBy = by;
        RecordedOn = now;
    }
}
