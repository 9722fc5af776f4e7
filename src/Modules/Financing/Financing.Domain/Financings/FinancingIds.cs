using BuildingBlocks.Domain;

namespace Financing.Domain.Financings;

public readonly record struct FinancingId(Guid Value) : IStronglyTypedId
{
    public static FinancingId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct PlanLineId(Guid Value) : IStronglyTypedId
{
    public static PlanLineId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct FinancingTrancheId(Guid Value) : IStronglyTypedId
{
    public static FinancingTrancheId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where the money of a plan line comes from.</summary>
public enum PlanLineSource
{
    /// <summary>A grant from one of the programme's funders.</summary>
    FunderGrant,

    /// <summary>The holder's own contribution, in cash.</summary>
    OwnContributionCash,

    /// <summary>The holder's own contribution, in kind (premises, equipment, livestock…), valued in MAD.</summary>
    OwnContributionInKind,

    /// <summary>A loan: an honour loan at 0 % or a bank or microcredit loan through a partner.</summary>
    Loan,
}
