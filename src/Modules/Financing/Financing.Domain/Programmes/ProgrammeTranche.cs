using BuildingBlocks.Domain;

namespace Financing.Domain.Programmes;

/// <summary>
/// One step of a programme's tranche policy: a share of the grant, and whether it waits for a
/// positive follow-up visit (e.g. 60 % at once, then 40 % after a positive visit).
/// </summary>
public sealed class ProgrammeTranche : Entity<ProgrammeTrancheId>, IPartOfAggregate<Programme>
{
    private ProgrammeTranche()
    {
    }

    /// <summary>1 for the first tranche.</summary>
    public int Number { get; private set; }

    /// <summary>The share of the grant, 0–1.</summary>
    public decimal Share { get; private set; }

    public bool RequiresPositiveVisit { get; private set; }

    internal static ProgrammeTranche Create(int number, TrancheRule rule) =>
        new() { Id = ProgrammeTrancheId.New(), Number = number, Share = rule.Share, RequiresPositiveVisit = rule.RequiresPositiveVisit };
}

/// <summary>A tranche of the policy as stated: its share and its condition.</summary>
public sealed record TrancheRule(decimal Share, bool RequiresPositiveVisit);
