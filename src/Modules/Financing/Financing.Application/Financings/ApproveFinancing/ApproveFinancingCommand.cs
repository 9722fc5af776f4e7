using System.Globalization;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Committees;
using Financing.Domain.Financings;
using Financing.Domain.Loans;
using Financing.Domain.Loans.Rules;
using Financing.Domain.Programmes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Financings.ApproveFinancing;

/// <summary>A line of a financing plan as a committee states it. Amounts in MAD with two decimals.</summary>
/// <param name="Source">Where the money comes from: a funder's grant, the holder's own contribution (cash or in kind), or a loan.</param>
/// <param name="PartnerId">The funder of a grant, or the bank or microcredit institution of a partner loan; left out for the holder's contribution and for an honour loan.</param>
/// <param name="Amount">The line's amount, in MAD with two decimals.</param>
/// <param name="AnnualRate">A loan's annual rate, 0–1 (0 for an honour loan).</param>
/// <param name="TermMonths">A loan's term in months, grace months included.</param>
/// <param name="GraceMonths">A loan's months before its first repayment (interest only, if any).</param>
public sealed record PlanLineInput(PlanLineSource? Source, Guid? PartnerId, decimal? Amount, decimal? AnnualRate = null, int? TermMonths = null, int? GraceMonths = null);

/// <summary>
/// Approves an application's financing plan: the plan is checked against the programme's rules
/// and each funder's grant is committed against its envelope; answers the financing's id. The
/// committee's decision sends it with what Applicants says of the application.
/// </summary>
public sealed record ApproveFinancingCommand(
    Guid ProgrammeId,
    Guid ApplicationId,
    Guid? CommitteeId,
    string HolderKind,
    Guid HolderId,
    string Sector,
    string CommuneCode,
    string ProvinceCode,
    decimal? TotalCost,
    IReadOnlyList<PlanLineInput>? Lines) : ICommand<Guid>;

internal sealed class PlanLineInputValidator : AbstractValidator<PlanLineInput>
{
    public PlanLineInputValidator()
    {
        RuleFor(l => l.Source).NotNull().IsInEnum();
        RuleFor(l => l.Amount).NotNull().GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(l => l.PartnerId).NotNull().When(l => l.Source == PlanLineSource.FunderGrant);
        RuleFor(l => l.AnnualRate).InclusiveBetween(0m, 1m).PrecisionScale(5, 4, true);
        RuleFor(l => l.TermMonths).NotNull().When(l => l.Source == PlanLineSource.Loan);
        RuleFor(l => l.TermMonths).InclusiveBetween(1, 360);
        RuleFor(l => l.GraceMonths).InclusiveBetween(0, 359);
    }
}

internal sealed class ApproveFinancingCommandValidator : AbstractValidator<ApproveFinancingCommand>
{
    public ApproveFinancingCommandValidator()
    {
        RuleFor(c => c.TotalCost).NotNull().GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(c => c.Lines).NotEmpty().Must(l => l is null || l.Count <= 20);
        RuleForEach(c => c.Lines).SetValidator(new PlanLineInputValidator());
        RuleFor(c => c.HolderKind).NotEmpty().MaximumLength(10);
        RuleFor(c => c.Sector).NotEmpty().MaximumLength(30);
        RuleFor(c => c.CommuneCode).NotEmpty().MaximumLength(12);
        RuleFor(c => c.ProvinceCode).NotEmpty().MaximumLength(6);
    }
}

internal sealed class ApproveFinancingCommandHandler(IFinancingDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<ApproveFinancingCommand, Guid>
{
    public async ValueTask<Guid> Handle(ApproveFinancingCommand command, CancellationToken cancellationToken) =>
        await FinancingApproval.ApproveAsync(db, caller, clock, command, cancellationToken);
}

/// <summary>The approval itself, shared by the command and by a committee's decision (which runs it in its own transaction).</summary>
internal static class FinancingApproval
{
    public static async Task<Guid> ApproveAsync(IFinancingDbContext db, ICurrentUser caller, TimeProvider clock, ApproveFinancingCommand command, CancellationToken cancellationToken)
    {
        if (!ProvinceAccess.For(caller).CanWrite(command.ProvinceCode))
        {
            throw new ForbiddenException("The application is in a province the caller does not work on.");
        }

        if (await db.Financings.AnyAsync(f => f.ApplicationId == command.ApplicationId, cancellationToken))
        {
            throw new ConflictException(
                "financing.already-approved",
                new LocalizedText(
                    "This application already has an approved financing.",
                    "Cette candidature a déjà un financement approuvé.",
                    "هذا الطلب له تمويل مصادق عليه من قبل."));
        }

        var id = new ProgrammeId(command.ProgrammeId);
        var programme = await db.Programmes.Include(p => p.Funders).Include(p => p.Tranches)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("programme", command.ProgrammeId);
        var lines = command.Lines!.Select(l => new PlanLineSpec(l.Source!.Value, l.PartnerId, Money.Mad(l.Amount!.Value), l.AnnualRate, l.TermMonths, l.GraceMonths)).ToList();
        EnsureEnvelopesSuffice(programme, lines);
        var now = clock.GetUtcNow();
        var financing = ProjectFinancing.Approve(
            programme,
            new ApprovedProject(command.ApplicationId, command.CommitteeId, command.HolderKind, command.HolderId, command.Sector, command.CommuneCode, command.ProvinceCode),
            Money.Mad(command.TotalCost!.Value),
            lines,
            caller.UserId,
            now);
        db.Financings.Add(financing);
        GrantLoans(db, financing, now);
        return financing.Id.Value;
    }

    /// <summary>
    /// A later committee's revision of an approved project's plan (see <see cref="ProjectFinancing.Revise"/>):
    /// the grants of the plan it replaces count as available again for the envelope check. Loans the
    /// new plan keeps unchanged run on; the others are cancelled (refused if something was repaid)
    /// and the new plan's other loan lines become loans.
    /// </summary>
    public static async Task<Guid> ReviseAsync(
        IFinancingDbContext db, ICurrentUser caller, TimeProvider clock, Guid applicationId, Guid committeeId, decimal totalCost, IReadOnlyList<PlanLineInput> input, CancellationToken cancellationToken)
    {
        var financing = await db.Financings.Include(f => f.Lines).Include(f => f.Tranches)
            .FirstOrDefaultAsync(f => f.ApplicationId == applicationId, cancellationToken);
        var approved = new RevisionNeedsAnApprovedPlanRule(financing is not null);
        if (approved.IsBroken())
        {
            throw new BusinessRuleException(approved);
        }

        if (!ProvinceAccess.For(caller).CanWrite(financing!.ProvinceCode))
        {
            throw new ForbiddenException("The application is in a province the caller does not work on.");
        }

        var programme = await db.Programmes.Include(p => p.Funders).Include(p => p.Tranches)
            .FirstAsync(p => p.Id == financing.ProgrammeId, cancellationToken);
        var lines = input.Select(l => new PlanLineSpec(l.Source!.Value, l.PartnerId, Money.Mad(l.Amount!.Value), l.AnnualRate, l.TermMonths, l.GraceMonths)).ToList();
        var givenBack = financing.CurrentPlan.Where(l => l.Source == PlanLineSource.FunderGrant)
            .GroupBy(l => l.PartnerId!.Value)
            .ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));
        EnsureEnvelopesSuffice(programme, lines, givenBack);
        var now = clock.GetUtcNow();
        financing.Revise(programme, committeeId, Money.Mad(totalCost), lines, caller.UserId);

        var newLoanLines = financing.CurrentPlan.Where(l => l.Source == PlanLineSource.Loan).ToList();
        var loans = await db.Loans.Where(l => l.FinancingId == financing.Id && l.Status == LoanStatus.Active).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        foreach (var loan in loans)
        {
            var kept = newLoanLines.FirstOrDefault(l =>
                l.PartnerId == loan.LenderId && l.Amount == loan.Principal && (l.AnnualRate ?? 0m) == loan.AnnualRate && l.TermMonths == loan.TermMonths && (l.GraceMonths ?? 0) == loan.GraceMonths);
            if (kept is not null)
            {
                newLoanLines.Remove(kept);
                continue;
            }

            var repaid = new RevisionMustKeepARepaidLoanRule(loan.Repaid);
            if (repaid.IsBroken())
            {
                throw new BusinessRuleException(repaid);
            }

            loan.Cancel(today);
        }

        var firstDueOn = today.AddMonths(1);
        foreach (var line in newLoanLines)
        {
            db.Loans.Add(Loan.Grant(financing, line, firstDueOn, now));
        }

        return financing.Id.Value;
    }

    /// <summary>
    /// Each loan line of the current plan becomes a loan with its schedule, its first month due a
    /// month after the decision (Moroccan calendar day).
    /// </summary>
    public static void GrantLoans(IFinancingDbContext db, ProjectFinancing financing, DateTimeOffset now)
    {
        var firstDueOn = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime).AddMonths(1);
        foreach (var line in financing.CurrentPlan.Where(l => l.Source == PlanLineSource.Loan))
        {
            db.Loans.Add(Loan.Grant(financing, line, firstDueOn, now));
        }
    }

    /// <summary>
    /// The last of an envelope is a shared resource: a grant it cannot cover is a conflict with
    /// the state another approval left (409), the same answer the loser of a simultaneous
    /// approval gets from the programme's version, so a caller handles both alike.
    /// </summary>
    private static void EnsureEnvelopesSuffice(Programme programme, IReadOnlyList<PlanLineSpec> lines, IReadOnlyDictionary<Guid, Money>? givenBack = null)
    {
        foreach (var grant in lines.Where(l => l.Source == PlanLineSource.FunderGrant && l.PartnerId is not null).GroupBy(l => l.PartnerId!.Value))
        {
            var amount = Money.Sum(grant.Select(l => l.Amount));
            var remaining = programme.RemainingOf(grant.Key) + (givenBack?.GetValueOrDefault(grant.Key) ?? Money.Zero);
            if (programme.Funders.Any(f => f.PartnerId == grant.Key) && amount > remaining)
            {
                throw new ConflictException(
                    "plan.envelope-exhausted",
                    new LocalizedText(
                        $"The funder's envelope has {Mad(remaining)} MAD left, less than the grant of {Mad(amount)} MAD.",
                        $"L'enveloppe du bailleur n'a plus que {Mad(remaining)} MAD, moins que la subvention de {Mad(amount)} MAD.",
                        $"لم يتبق في الغلاف المالي للممول سوى {Mad(remaining)} درهم، وهو أقل من المنحة ({Mad(amount)} درهم)."));
            }
        }
    }

    private static string Mad(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
