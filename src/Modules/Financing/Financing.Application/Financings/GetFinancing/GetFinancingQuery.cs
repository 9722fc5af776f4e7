using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Financings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Financings.GetFinancing;

public sealed record GetFinancingQuery(Guid FinancingId) : IQuery<FinancingDto>;

/// <summary>An approved project's financing: its plan, its history and its tranches. Amounts in MAD with two decimals.</summary>
public sealed record FinancingDto : IApiExample<FinancingDto>
{
    /// <summary>The financing's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The application (the project's id in every module).</summary>
    public Guid ApplicationId { get; init; }

    /// <summary>The programme that finances it.</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>The committee session that approved it; null when approved outside one.</summary>
    public Guid? CommitteeId { get; init; }

    /// <summary>Person or Group.</summary>
    public required string HolderKind { get; init; }

    /// <summary>The person's or group's id in Applicants.</summary>
    public Guid HolderId { get; init; }

    /// <summary>The project's province (HCP code).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>The project's total cost.</summary>
    public Money TotalCost { get; init; }

    /// <summary>The funders' grants in the current plan.</summary>
    public Money GrantAmount { get; init; }

    /// <summary>The loans in the current plan.</summary>
    public Money LoanAmount { get; init; }

    /// <summary>The holder's own contribution (cash and in kind) in the current plan.</summary>
    public Money OwnContribution { get; init; }

    /// <summary>The current plan's number: 1, then one more for each revision by a committee.</summary>
    public int PlanVersion { get; init; }

    /// <summary>When it was approved, in Moroccan time with its offset.</summary>
    public DateTimeOffset ApprovedOn { get; init; }

    /// <summary>Every plan line, the current plan's and the earlier plans' (by planVersion).</summary>
    public required IReadOnlyList<PlanLineDto> Lines { get; init; }

    /// <summary>The grant's tranches, in order.</summary>
    public required IReadOnlyList<TrancheDto> Tranches { get; init; }

    /// <summary>The version (optimistic concurrency): it changes with every change.</summary>
    public uint Version { get; init; }

    public static FinancingDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac4c3-2e5f-7a71-8b9c-3d4e5f6a7b8c"),
        ApplicationId = Guid.Parse("019ac4c3-1a2b-7c3d-9e4f-5a6b7c8d9e0f"),
        ProgrammeId = Guid.Parse("019ac3b2-1d4e-7f60-9a8b-2c3d4e5f6a7b"),
        CommitteeId = Guid.Parse("019ac4b1-7d8e-7f90-a1b2-c3d4e5f6a7b8"),
        HolderKind = "Person",
        HolderId = Guid.Parse("019ac2a1-3f7e-7b21-8c4d-1a2b3c4d5e6f"),
        ProvinceCode = "03.531",
        TotalCost = Money.Mad(85_000.00m),
        GrantAmount = Money.Mad(50_000.00m),
        LoanAmount = Money.Mad(9_500.00m),
        OwnContribution = Money.Mad(25_500.00m),
        PlanVersion = 1,
        ApprovedOn = new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.FromHours(1)),
        Lines =
        [
            new() { PlanVersion = 1, Source = PlanLineSource.FunderGrant, PartnerId = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c16"), Amount = Money.Mad(50_000.00m) },
            new() { PlanVersion = 1, Source = PlanLineSource.OwnContributionCash, Amount = Money.Mad(10_500.00m) },
            new() { PlanVersion = 1, Source = PlanLineSource.OwnContributionInKind, Amount = Money.Mad(15_000.00m) },
            new() { PlanVersion = 1, Source = PlanLineSource.Loan, Amount = Money.Mad(9_500.00m), AnnualRate = 0m, TermMonths = 36, GraceMonths = 6 },
        ],
        Tranches =
        [
            new() { Number = 1, Amount = Money.Mad(30_000.00m), RequiresPositiveVisit = false, DisbursedOn = new DateOnly(2026, 3, 20), PaymentReference = "VIR-2026-000418" },
            new() { Number = 2, Amount = Money.Mad(20_000.00m), RequiresPositiveVisit = true },
        ],
        Version = 3,
    };
}

/// <summary>A line of a financing plan.</summary>
public sealed record PlanLineDto
{
    /// <summary>The plan it belongs to (1 for the first decision).</summary>
    public int PlanVersion { get; init; }

    /// <summary>Where the money comes from.</summary>
    public PlanLineSource Source { get; init; }

    /// <summary>The funder or lending partner; null for the holder's contribution and honour loans.</summary>
    public Guid? PartnerId { get; init; }

    /// <summary>The amount.</summary>
    public Money Amount { get; init; }

    /// <summary>A loan's annual rate, 0–1; null for other lines.</summary>
    public decimal? AnnualRate { get; init; }

    /// <summary>A loan's term in months; null for other lines.</summary>
    public int? TermMonths { get; init; }

    /// <summary>A loan's grace months; null for other lines.</summary>
    public int? GraceMonths { get; init; }
}

/// <summary>A tranche of the grant.</summary>
public sealed record TrancheDto
{
    /// <summary>1 for the first tranche.</summary>
    public int Number { get; init; }

    /// <summary>Its amount.</summary>
    public Money Amount { get; init; }

    /// <summary>Whether it waits for a positive follow-up visit.</summary>
    public bool RequiresPositiveVisit { get; init; }

    /// <summary>The day of the positive visit that released it; null while it waits or when it needs none.</summary>
    public DateOnly? ReleasedByVisitOn { get; init; }

    /// <summary>The day it was paid; null until then.</summary>
    public DateOnly? DisbursedOn { get; init; }

    /// <summary>The payment's reference (transfer or cheque number); null until paid.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>The staff member who recorded the payment; null until paid or when the system did.</summary>
    public Guid? DisbursedBy { get; init; }
}

internal sealed class GetFinancingQueryHandler(IFinancingDbContext db, ICurrentUser caller) : IQueryHandler<GetFinancingQuery, FinancingDto>
{
    public async ValueTask<FinancingDto> Handle(GetFinancingQuery query, CancellationToken cancellationToken)
    {
        var id = new FinancingId(query.FinancingId);
        var financing = await db.Financings.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new FinancingDto
            {
                Id = f.Id.Value,
                ApplicationId = f.ApplicationId,
                ProgrammeId = f.ProgrammeId.Value,
                CommitteeId = f.CommitteeId,
                HolderKind = f.HolderKind,
                HolderId = f.HolderId,
                ProvinceCode = f.ProvinceCode,
                TotalCost = f.TotalCost,
                GrantAmount = f.GrantAmount,
                LoanAmount = f.LoanAmount,
                OwnContribution = f.OwnContribution,
                PlanVersion = f.PlanVersion,
                ApprovedOn = f.ApprovedOn,
                Lines = f.Lines.OrderBy(l => l.PlanVersion).ThenBy(l => l.Source).ThenBy(l => l.Id)
                    .Select(l => new PlanLineDto
                    {
                        PlanVersion = l.PlanVersion, Source = l.Source, PartnerId = l.PartnerId, Amount = l.Amount,
                        AnnualRate = l.AnnualRate, TermMonths = l.TermMonths, GraceMonths = l.GraceMonths,
                    }).ToList(),
                Tranches = f.Tranches.OrderBy(t => t.Number)
                    .Select(t => new TrancheDto
                    {
                        Number = t.Number, Amount = t.Amount, RequiresPositiveVisit = t.RequiresPositiveVisit, ReleasedByVisitOn = t.ReleasedByVisitOn,
                        DisbursedOn = t.DisbursedOn, PaymentReference = t.PaymentReference, DisbursedBy = t.DisbursedBy,
                    }).ToList(),
                Version = f.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);
        // An Officer reads the financings of his provinces; any other is as if it did not exist.
        return financing is not null && ProvinceAccess.For(caller).CanRead(financing.ProvinceCode)
            ? financing
            : throw new NotFoundException("financing", query.FinancingId);
    }
}
