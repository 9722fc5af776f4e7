using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Loans;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.GetProgrammePortfolio;

public sealed record GetProgrammePortfolioQuery(Guid ProgrammeId) : IQuery<ProgrammePortfolioDto>;

/// <summary>
/// A programme's loan portfolio as the daily arrears job left it: the active loans' outstanding
/// principal by arrears bucket, and the portfolio at risk over 30 days. Amounts in MAD with two decimals.
/// </summary>
public sealed record ProgrammePortfolioDto : IApiExample<ProgrammePortfolioDto>
{
    /// <summary>The programme.</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>The day its loans were last aged; null when none has been.</summary>
    public DateOnly? AgedOn { get; init; }

    /// <summary>How many loans are being repaid.</summary>
    public int ActiveLoans { get; init; }

    /// <summary>The principal still owed on them.</summary>
    public Money OutstandingPrincipal { get; init; }

    /// <summary>The principal still owed on loans more than 30 days past due.</summary>
    public Money AtRisk30 { get; init; }

    /// <summary>Portfolio at risk over 30 days: atRisk30 / outstandingPrincipal, 0–1 to four decimals (0 with no loan).</summary>
    public decimal PortfolioAtRisk30 { get; init; }

    /// <summary>Every bucket, in order (current, 1-30, 31-60, 61-90, 90+), with its loans and their outstanding principal.</summary>
    public required IReadOnlyList<ArrearsBucketDto> Buckets { get; init; }

    public static ProgrammePortfolioDto Example { get; } = new()
    {
        ProgrammeId = Guid.Parse("019ac3b2-1d4e-7f60-9a8b-2c3d4e5f6a7b"),
        AgedOn = new DateOnly(2026, 7, 12),
        ActiveLoans = 40,
        OutstandingPrincipal = Money.Mad(320_000.00m),
        AtRisk30 = Money.Mad(16_000.00m),
        PortfolioAtRisk30 = 0.05m,
        Buckets =
        [
            new() { Bucket = "current", Loans = 35, OutstandingPrincipal = Money.Mad(284_000.00m) },
            new() { Bucket = "1-30", Loans = 3, OutstandingPrincipal = Money.Mad(20_000.00m) },
            new() { Bucket = "31-60", Loans = 1, OutstandingPrincipal = Money.Mad(8_000.00m) },
            new() { Bucket = "61-90", Loans = 0, OutstandingPrincipal = Money.Zero },
            new() { Bucket = "90+", Loans = 1, OutstandingPrincipal = Money.Mad(8_000.00m) },
        ],
    };
}

/// <summary>The active loans of one arrears bucket.</summary>
public sealed record ArrearsBucketDto
{
    /// <summary>current, 1-30, 31-60, 61-90 or 90+ days past due.</summary>
    public required string Bucket { get; init; }

    /// <summary>How many loans.</summary>
    public int Loans { get; init; }

    /// <summary>Their principal still owed.</summary>
    public Money OutstandingPrincipal { get; init; }
}

/// <summary>
/// One grouped read over the programme's loans (index on programme and status); the figures are a
/// programme's totals, readable like its budget by every staff member.
/// </summary>
internal sealed class GetProgrammePortfolioQueryHandler(IFinancingDbContext db) : IQueryHandler<GetProgrammePortfolioQuery, ProgrammePortfolioDto>
{
    public async ValueTask<ProgrammePortfolioDto> Handle(GetProgrammePortfolioQuery query, CancellationToken cancellationToken)
    {
        var id = new ProgrammeId(query.ProgrammeId);
        if (!await db.Programmes.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw new NotFoundException("programme", query.ProgrammeId);
        }

        var rows = await db.LoanBucketsAsync(query.ProgrammeId, cancellationToken);
        var buckets = ArrearsBucket.All
            .Select(b => rows.FirstOrDefault(r => r.Bucket == b) is { } r
                ? new ArrearsBucketDto { Bucket = b, Loans = r.Loans, OutstandingPrincipal = Money.Mad(r.Outstanding) }
                : new ArrearsBucketDto { Bucket = b, Loans = 0, OutstandingPrincipal = Money.Zero })
            .ToList();
        var outstanding = Money.Sum(buckets.Select(b => b.OutstandingPrincipal));
        var atRisk = Money.Sum(buckets.Where(b => b.Bucket is ArrearsBucket.UpTo60 or ArrearsBucket.UpTo90 or ArrearsBucket.Over90).Select(b => b.OutstandingPrincipal));
        return new ProgrammePortfolioDto
        {
            ProgrammeId = query.ProgrammeId,
            AgedOn = rows.Max(r => r.Aged),
            ActiveLoans = buckets.Sum(b => b.Loans),
            OutstandingPrincipal = outstanding,
            AtRisk30 = atRisk,
            PortfolioAtRisk30 = outstanding == Money.Zero ? 0m : decimal.Round(atRisk.Amount / outstanding.Amount, 4, MidpointRounding.AwayFromZero),
            Buckets = buckets,
        };
    }
}
