using BuildingBlocks.Domain;

namespace Financing.Domain.Financings;

/// <summary>One source of a financing plan: a funder's grant, the holder's contribution, or a loan.</summary>
public sealed class PlanLine : Entity<PlanLineId>, IPartOfAggregate<ProjectFinancing>
{
    private PlanLine()
    {
    }

    /// <summary>The plan this line belongs to: 1 for the first decision, one more for each revision; earlier plans stay as history.</summary>
    public int PlanVersion { get; private set; }

    public PlanLineSource Source { get; private set; }

    /// <summary>The funder (a grant) or the lending partner (a loan through a bank or a microcredit institution); null for the holder's contribution or an honour loan from the programme.</summary>
    public Guid? PartnerId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>A loan's annual rate, 0–1 (0 for an honour loan).</summary>
    public decimal? AnnualRate { get; private set; }

    public int? TermMonths { get; private set; }

    public int? GraceMonths { get; private set; }

    internal static PlanLine Create(int version, PlanLineSpec spec) => new()
    {
        Id = PlanLineId.New(),
        PlanVersion = version,
        Source = spec.Source,
        PartnerId = spec.PartnerId,
        Amount = spec.Amount,
        AnnualRate = spec.Source == PlanLineSource.Loan ? spec.AnnualRate ?? 0m : null,
        TermMonths = spec.Source == PlanLineSource.Loan ? spec.TermMonths : null,
        GraceMonths = spec.Source == PlanLineSource.Loan ? spec.GraceMonths ?? 0 : null,
    };
}

/// <summary>A plan line as a committee states it.</summary>
public sealed record PlanLineSpec(PlanLineSource Source, Guid? PartnerId, Money Amount, decimal? AnnualRate = null, int? TermMonths = null, int? GraceMonths = null);
