using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Loans;
using Financing.Domain.Programmes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Loans;

/// <summary>Loans, the latest first, optionally of one programme, in one status or one arrears bucket.</summary>
/// <param name="ProgrammeId">Only the loans of this programme.</param>
/// <param name="Status">Only loans in this status (Active, Repaid, Cancelled).</param>
/// <param name="Bucket">Only loans in this arrears bucket: current, 1-30, 31-60, 61-90 or 90+ days past due.</param>
/// <param name="Sort">Comma-separated fields among createdOn, daysPastDue and outstandingPrincipal, each prefixed by - for descending order; by -createdOn when left out.</param>
public sealed record GetLoansQuery(
    Guid? ProgrammeId,
    LoanStatus? Status,
    string? Bucket,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<LoanDto>>, IPagedQuery;

public sealed record GetLoanQuery(Guid LoanId) : IQuery<LoanDto>;

public sealed record GetLoanScheduleQuery(Guid LoanId) : IQuery<LoanScheduleDto>;

internal sealed class GetLoansQueryValidator : AbstractValidator<GetLoansQuery>
{
    public GetLoansQueryValidator()
    {
        this.RulesForPaging(LoanQueries.Sorts);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Bucket).MaximumLength(7).Matches(@"^(current|1-30|31-60|61-90|90\+)$")
            .WithMessage("The bucket is one of current, 1-30, 31-60, 61-90, 90+.");
    }
}

/// <summary>A loan: its terms, what has been repaid and how late it is. Amounts in MAD with two decimals.</summary>
public sealed record LoanDto : IApiExample<LoanDto>
{
    /// <summary>The loan's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The financing whose plan it is a line of.</summary>
    public Guid FinancingId { get; init; }

    /// <summary>The application (the project's id in every module).</summary>
    public Guid ApplicationId { get; init; }

    /// <summary>The programme.</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>The project's province (HCP code).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>The plan it was a line of (1 for the first decision).</summary>
    public int PlanVersion { get; init; }

    /// <summary>The bank or microcredit institution; null for the programme's honour loan.</summary>
    public Guid? LenderId { get; init; }

    /// <summary>The principal lent.</summary>
    public Money Principal { get; init; }

    /// <summary>The annual rate, 0–1 (0 for an honour loan).</summary>
    public decimal AnnualRate { get; init; }

    /// <summary>The term in months, grace months included.</summary>
    public int TermMonths { get; init; }

    /// <summary>The months before the first repayment of principal.</summary>
    public int GraceMonths { get; init; }

    /// <summary>Active, Repaid or Cancelled (replaced by a revision of the plan).</summary>
    public LoanStatus Status { get; init; }

    /// <summary>What the schedule asks in all, principal and interest.</summary>
    public Money TotalDue { get; init; }

    /// <summary>What has been repaid.</summary>
    public Money Repaid { get; init; }

    /// <summary>The principal not yet repaid.</summary>
    public Money OutstandingPrincipal { get; init; }

    /// <summary>Days past due of the oldest unpaid instalment, as last aged; 0 when current.</summary>
    public int DaysPastDue { get; init; }

    /// <summary>current, 1-30, 31-60, 61-90 or 90+.</summary>
    public required string ArrearsBucket { get; init; }

    /// <summary>What was due and unpaid when last aged.</summary>
    public Money AmountOverdue { get; init; }

    /// <summary>The day the loan was last aged (by the daily job or a repayment); null before the first.</summary>
    public DateOnly? AgedOn { get; init; }

    /// <summary>The repayments received, oldest first.</summary>
    public required IReadOnlyList<RepaymentDto> Repayments { get; init; }

    /// <summary>When the loan was granted, in Moroccan time with its offset.</summary>
    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>The version (optimistic concurrency): it changes with every change.</summary>
    public uint Version { get; init; }

    public static LoanDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac5d1-4a2b-7c3d-8e4f-5a6b7c8d9e0f"),
        FinancingId = Guid.Parse("019ac4c3-2e5f-7a71-8b9c-3d4e5f6a7b8c"),
        ApplicationId = Guid.Parse("019ac4c3-1a2b-7c3d-9e4f-5a6b7c8d9e0f"),
        ProgrammeId = Guid.Parse("019ac3b2-1d4e-7f60-9a8b-2c3d4e5f6a7b"),
        ProvinceCode = "12.391",
        PlanVersion = 1,
        Principal = Money.Mad(9_000.00m),
        AnnualRate = 0m,
        TermMonths = 27,
        GraceMonths = 3,
        Status = LoanStatus.Active,
        TotalDue = Money.Mad(9_000.00m),
        Repaid = Money.Mad(750.00m),
        OutstandingPrincipal = Money.Mad(8_250.00m),
        DaysPastDue = 12,
        ArrearsBucket = "1-30",
        AmountOverdue = Money.Mad(375.00m),
        AgedOn = new DateOnly(2026, 7, 12),
        Repayments = [new() { PaidOn = new DateOnly(2026, 5, 30), Amount = Money.Mad(750.00m), Reference = "REC-2026-0153" }],
        CreatedOn = new DateTimeOffset(2026, 1, 30, 11, 0, 0, TimeSpan.FromHours(1)),
        Version = 4,
    };
}

/// <summary>A repayment received.</summary>
public sealed record RepaymentDto
{
    /// <summary>The day the money was received.</summary>
    public DateOnly PaidOn { get; init; }

    /// <summary>The amount received.</summary>
    public Money Amount { get; init; }

    /// <summary>The receipt's or transfer's reference; null when none was given.</summary>
    public string? Reference { get; init; }

    /// <summary>The staff member who recorded it; null when the system did.</summary>
    public Guid? RecordedBy { get; init; }
}

/// <summary>A loan's repayment schedule and what has been paid of each instalment. Amounts in MAD with two decimals.</summary>
public sealed record LoanScheduleDto : IApiExample<LoanScheduleDto>
{
    /// <summary>The loan.</summary>
    public Guid LoanId { get; init; }

    /// <summary>The principal lent: the instalments' principal parts add up to it exactly.</summary>
    public Money Principal { get; init; }

    /// <summary>The annual rate, 0–1.</summary>
    public decimal AnnualRate { get; init; }

    /// <summary>The instalments, in order.</summary>
    public required IReadOnlyList<InstalmentDto> Instalments { get; init; }

    public static LoanScheduleDto Example { get; } = new()
    {
        LoanId = Guid.Parse("019ac5d1-4a2b-7c3d-8e4f-5a6b7c8d9e0f"),
        Principal = Money.Mad(1_000.00m),
        AnnualRate = 0m,
        Instalments =
        [
            new() { Number = 1, DueOn = new DateOnly(2026, 5, 30), Principal = Money.Mad(333.33m), Interest = Money.Zero, Amount = Money.Mad(333.33m), Paid = Money.Mad(333.33m), PaidOffOn = new DateOnly(2026, 5, 30) },
            new() { Number = 2, DueOn = new DateOnly(2026, 6, 30), Principal = Money.Mad(333.33m), Interest = Money.Zero, Amount = Money.Mad(333.33m), Paid = Money.Mad(100.00m) },
            new() { Number = 3, DueOn = new DateOnly(2026, 7, 30), Principal = Money.Mad(333.34m), Interest = Money.Zero, Amount = Money.Mad(333.34m), Paid = Money.Zero },
        ],
    };
}

/// <summary>One instalment of a schedule.</summary>
public sealed record InstalmentDto
{
    /// <summary>1 for the first.</summary>
    public int Number { get; init; }

    /// <summary>The day it falls due.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>The principal it repays.</summary>
    public Money Principal { get; init; }

    /// <summary>The interest it pays (0 for an honour loan).</summary>
    public Money Interest { get; init; }

    /// <summary>Principal and interest.</summary>
    public Money Amount { get; init; }

    /// <summary>What has been paid of it.</summary>
    public Money Paid { get; init; }

    /// <summary>What remains to pay of it.</summary>
    public Money Remaining => Amount - Paid;

    /// <summary>The day it was paid off; null while something remains.</summary>
    public DateOnly? PaidOffOn { get; init; }
}

internal static class LoanQueries
{
    internal static readonly SortMap<Loan> Sorts = new SortMap<Loan>()
        .Add("createdOn", l => l.CreatedOn)
        .Add("daysPastDue", l => l.DaysPastDue)
        .Add("outstandingPrincipal", l => l.OutstandingPrincipal)
        .TieBreaker(l => l.Id);

    public static IQueryable<LoanDto> ToDto(this IQueryable<Loan> loans) => loans.Select(l => new LoanDto
    {
        Id = l.Id.Value,
        FinancingId = l.FinancingId.Value,
        ApplicationId = l.ApplicationId,
        ProgrammeId = l.ProgrammeId.Value,
        ProvinceCode = l.ProvinceCode,
        PlanVersion = l.PlanVersion,
        LenderId = l.LenderId,
        Principal = l.Principal,
        AnnualRate = l.AnnualRate,
        TermMonths = l.TermMonths,
        GraceMonths = l.GraceMonths,
        Status = l.Status,
        TotalDue = l.TotalDue,
        Repaid = l.Repaid,
        OutstandingPrincipal = l.OutstandingPrincipal,
        DaysPastDue = l.DaysPastDue,
        ArrearsBucket = l.ArrearsBucket,
        AmountOverdue = l.AmountOverdue,
        AgedOn = l.AgedOn,
        Repayments = l.Repayments.OrderBy(r => r.PaidOn).ThenBy(r => r.Id)
            .Select(r => new RepaymentDto { PaidOn = r.PaidOn, Amount = r.Amount, Reference = r.Reference, RecordedBy = r.RecordedBy }).ToList(),
        CreatedOn = l.CreatedOn,
        Version = l.Version,
    });
}

/// <summary>The province rule applies through the loans' query filter: an Officer sees his provinces' loans only.</summary>
internal sealed class LoanQueryHandlers(IFinancingDbContext db) :
    IQueryHandler<GetLoansQuery, PagedResult<LoanDto>>,
    IQueryHandler<GetLoanQuery, LoanDto>,
    IQueryHandler<GetLoanScheduleQuery, LoanScheduleDto>
{
    public async ValueTask<PagedResult<LoanDto>> Handle(GetLoansQuery query, CancellationToken cancellationToken)
    {
        var loans = db.Loans.AsNoTracking();
        if (query.ProgrammeId is { } programme)
        {
            var id = new ProgrammeId(programme);
            loans = loans.Where(l => l.ProgrammeId == id);
        }

        if (query.Status is { } status)
        {
            loans = loans.Where(l => l.Status == status);
        }

        if (query.Bucket is { } bucket)
        {
            loans = loans.Where(l => l.ArrearsBucket == bucket);
        }

        return await LoanQueries.Sorts.Apply(loans, query.Sort, "-createdOn").ToDto().ToPageAsync(query, cancellationToken);
    }

    public async ValueTask<LoanDto> Handle(GetLoanQuery query, CancellationToken cancellationToken)
    {
        var id = new LoanId(query.LoanId);
        return await db.Loans.AsNoTracking().Where(l => l.Id == id).ToDto().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("loan", query.LoanId);
    }

    public async ValueTask<LoanScheduleDto> Handle(GetLoanScheduleQuery query, CancellationToken cancellationToken)
    {
        var id = new LoanId(query.LoanId);
        return await db.Loans.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new LoanScheduleDto
            {
                LoanId = l.Id.Value,
                Principal = l.Principal,
                AnnualRate = l.AnnualRate,
                Instalments = l.Instalments.OrderBy(i => i.Number).Select(i => new InstalmentDto
                {
                    Number = i.Number, DueOn = i.DueOn, Principal = i.Principal, Interest = i.Interest, Amount = i.Amount, Paid = i.Paid, PaidOffOn = i.PaidOffOn,
                }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("loan", query.LoanId);
    }
}
