using BuildingBlocks.Domain;
using Financing.Domain.Financings.Rules;
using Financing.Domain.Loans;
using Financing.Domain.Programmes;
using Financing.Domain.Programmes.Rules;

namespace Financing.Domain.Financings;

/// <summary>
/// An approved project's financing: its plan (lines by source, balanced to the total cost) and the
/// tranches its grant is paid in. Known in every module by its application's id. Approving one
/// commits each funder's grant against that funder's envelope in the programme, in the same
/// transaction: the programme's version settles two approvals at once.
/// </summary>
public sealed class ProjectFinancing : AggregateRoot<FinancingId>
{
    private readonly List<PlanLine> _lines = [];
    private readonly List<FinancingTranche> _tranches = [];

    private ProjectFinancing()
    {
        HolderKind = string.Empty;
        Sector = string.Empty;
        CommuneCode = string.Empty;
        ProvinceCode = string.Empty;
    }

    public Guid ApplicationId { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    /// <summary>The committee session that decided; null when approved outside one (demo data).</summary>
    public Guid? CommitteeId { get; private set; }

    public string HolderKind { get; private set; }

    public Guid HolderId { get; private set; }

    public string Sector { get; private set; }

    public string CommuneCode { get; private set; }

    public string ProvinceCode { get; private set; }

    public Money TotalCost { get; private set; }

    public Money GrantAmount { get; private set; }

    public Money LoanAmount { get; private set; }

    public Money OwnContribution { get; private set; }

    public int PlanVersion { get; private set; }

    public DateTimeOffset ApprovedOn { get; private set; }

    public Guid? ApprovedBy { get; private set; }

    /// <summary>Every plan line, the current plan's and the history's (<see cref="PlanLine.PlanVersion"/>).</summary>
    public IReadOnlyCollection<PlanLine> Lines => _lines;

    public IReadOnlyCollection<FinancingTranche> Tranches => _tranches;

    public IEnumerable<PlanLine> CurrentPlan => _lines.Where(l => l.PlanVersion == PlanVersion);

    /// <summary>
    /// Approves an application's plan in an open programme. The plan balances to the total cost,
    /// the holder's contribution reaches the programme's rate, the grant stays under the
    /// programme's maximum, every grant comes from one of its funders and fits in what remains of
    /// that funder's envelope; the grant is then split in the programme's tranches.
    /// </summary>
    public static ProjectFinancing Approve(Programme programme, ApprovedProject project, Money totalCost, IReadOnlyList<PlanLineSpec> lines, Guid? approvedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(lines);
        CheckRule(new ProgrammeMustBeOpenRule(programme.Status));
        CheckPlan(programme, totalCost, lines);

        var financing = new ProjectFinancing
        {
            Id = FinancingId.New(),
            ApplicationId = project.ApplicationId,
            ProgrammeId = programme.Id,
            CommitteeId = project.CommitteeId,
            HolderKind = project.HolderKind,
            HolderId = project.HolderId,
            Sector = project.Sector,
            CommuneCode = project.CommuneCode,
            ProvinceCode = project.ProvinceCode,
            TotalCost = totalCost,
            GrantAmount = Money.Sum(lines.Where(l => l.Source == PlanLineSource.FunderGrant).Select(l => l.Amount)),
            LoanAmount = Money.Sum(lines.Where(l => l.Source == PlanLineSource.Loan).Select(l => l.Amount)),
            OwnContribution = Money.Sum(lines.Where(IsOwnContribution).Select(l => l.Amount)),
            PlanVersion = 1,
            ApprovedOn = now,
            ApprovedBy = approvedBy,
        };
        financing._lines.AddRange(lines.Select(l => PlanLine.Create(1, l)));
        foreach (var grant in lines.Where(l => l.Source == PlanLineSource.FunderGrant).GroupBy(l => l.PartnerId!.Value))
        {
            programme.Commit(grant.Key, Money.Sum(grant.Select(l => l.Amount)));
        }

        var policy = programme.Tranches.OrderBy(t => t.Number).ToList();
        var amounts = financing.GrantAmount.Allocate(policy.Select(t => t.Share).ToList());
        financing._tranches.AddRange(policy.Select((t, i) => FinancingTranche.Create(t.Number, amounts[i], t.RequiresPositiveVisit)).Where(t => t.Amount > Money.Zero));
        financing.Raise(new Events.FinancingApprovedDomainEvent(financing.Id, now));
        return financing;
    }

    /// <summary>
    /// Pays tranche <paramref name="number"/>; answers how its amount splits between the funders
    /// (in proportion to their grants, to the centime) so their envelopes record what was paid.
    /// </summary>
    public IReadOnlyList<(Guid PartnerId, Money Amount)> Disburse(int number, DateOnly on, string paymentReference, Guid? by, DateTimeOffset now)
    {
        var tranche = _tranches.Single(t => t.Number == number);
        CheckRule(new TrancheMustNotBeDisbursedTwiceRule(tranche.IsDisbursed));
        CheckRule(new TranchesMustBePaidInOrderRule(_tranches.Any(t => t.Number < number && !t.IsDisbursed)));
        CheckRule(new ConditionalTrancheMustAwaitVisitRule(tranche.IsWaitingForVisit));
        tranche.Disburse(on, paymentReference, by, now);
        Raise(new Events.TrancheDisbursedDomainEvent(Id, number, now));

        var grants = CurrentPlan.Where(l => l.Source == PlanLineSource.FunderGrant)
            .GroupBy(l => l.PartnerId!.Value)
            .Select(g => (PartnerId: g.Key, Amount: Money.Sum(g.Select(l => l.Amount))))
            .ToList();
        var split = tranche.Amount.Allocate(grants.Select(g => g.Amount.Amount).ToList());
        return grants.Select((g, i) => (g.PartnerId, split[i])).ToList();
    }

    /// <summary>
    /// Replaces the plan by a later committee's decision: the new plan passes the same checks as
    /// an approval, the grants of the plan it replaces go back to their funders' envelopes and the
    /// new ones are committed (so a revision fits in what remains plus what it gives back), the
    /// earlier lines stay as history under their plan number. Tranches already paid stay; the rest
    /// of the new grant is spread over the tranches still to pay, in the programme's proportions.
    /// </summary>
    public void Revise(Programme programme, Guid? committeeId, Money totalCost, IReadOnlyList<PlanLineSpec> lines, Guid? revisedBy)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(lines);
        CheckRule(new ProgrammeMustBeOpenRule(programme.Status));
        CheckPlan(programme, totalCost, lines);
        var grant = Money.Sum(lines.Where(l => l.Source == PlanLineSource.FunderGrant).Select(l => l.Amount));
        var paid = Money.Sum(_tranches.Where(t => t.IsDisbursed).Select(t => t.Amount));
        var pending = _tranches.Where(t => !t.IsDisbursed).OrderBy(t => t.Number).ToList();
        CheckRule(new RevisionMustKeepWhatWasPaidRule(grant, paid, pending.Count > 0));

        foreach (var old in CurrentPlan.Where(l => l.Source == PlanLineSource.FunderGrant).GroupBy(l => l.PartnerId!.Value))
        {
            programme.Release(old.Key, Money.Sum(old.Select(l => l.Amount)));
        }

        foreach (var next in lines.Where(l => l.Source == PlanLineSource.FunderGrant).GroupBy(l => l.PartnerId!.Value))
        {
            programme.Commit(next.Key, Money.Sum(next.Select(l => l.Amount)));
        }

        PlanVersion++;
        _lines.AddRange(lines.Select(l => PlanLine.Create(PlanVersion, l)));
        CommitteeId = committeeId ?? CommitteeId;
        TotalCost = totalCost;
        GrantAmount = grant;
        LoanAmount = Money.Sum(lines.Where(l => l.Source == PlanLineSource.Loan).Select(l => l.Amount));
        OwnContribution = Money.Sum(lines.Where(IsOwnContribution).Select(l => l.Amount));
        ApprovedBy = revisedBy;
        if (pending.Count > 0)
        {
            var shares = pending.Select(t => programme.Tranches.FirstOrDefault(p => p.Number == t.Number)?.Share ?? 1m).ToList();
            var amounts = (grant - paid).Allocate(shares);
            for (var i = 0; i < pending.Count; i++)
            {
                pending[i].Reallocate(amounts[i]);
            }
        }
    }

    public bool HasTranche(int number) => _tranches.Any(t => t.Number == number);

    /// <summary>A positive follow-up visit releases the first conditional tranche still waiting; answers whether one was.</summary>
    public bool ReleaseOnPositiveVisit(DateOnly visitedOn)
    {
        var waiting = _tranches.Where(t => t.IsWaitingForVisit).OrderBy(t => t.Number).FirstOrDefault();
        waiting?.Release(visitedOn);
        return waiting is not null;
    }

    private static bool IsOwnContribution(PlanLineSpec line) =>
        line.Source is PlanLineSource.OwnContributionCash or PlanLineSource.OwnContributionInKind;

    private static void CheckPlan(Programme programme, Money totalCost, IReadOnlyList<PlanLineSpec> lines)
    {
        CheckRule(new PlanMustBalanceRule(totalCost, Money.Sum(lines.Select(l => l.Amount))));
        CheckRule(new OwnContributionMustReachRateRule(totalCost, Money.Sum(lines.Where(IsOwnContribution).Select(l => l.Amount)), programme.OwnContributionRate));
        CheckRule(new CostMustNotExceedProgrammeMaximumRule(totalCost, programme.MaximumProjectCost));
        CheckRule(new GrantMustNotExceedProgrammeMaximumRule(Money.Sum(lines.Where(l => l.Source == PlanLineSource.FunderGrant).Select(l => l.Amount)), programme.MaximumGrant));
        var funders = programme.Funders.Select(f => f.PartnerId).ToHashSet();
        foreach (var line in lines)
        {
            CheckRule(new LineMustBePositiveRule(line.Amount));
            switch (line.Source)
            {
                case PlanLineSource.FunderGrant:
                    CheckRule(new GrantMustComeFromAFunderRule(line.PartnerId, funders));
                    CheckRule(new InstrumentMustBeAllowedRule(FinancingInstrument.Grant, programme.Instruments));
                    break;
                case PlanLineSource.Loan:
                    var instrument = (line.AnnualRate ?? 0m) == 0m && line.PartnerId is null ? FinancingInstrument.HonourLoan : FinancingInstrument.PartnerLoan;
                    CheckRule(new InstrumentMustBeAllowedRule(instrument, programme.Instruments));
                    // The schedule's own rules (term, grace, rate) refuse a loan that cannot be repaid as stated.
                    RepaymentSchedule.For(line.Amount, line.AnnualRate ?? 0m, line.TermMonths ?? 0, line.GraceMonths ?? 0, DateOnly.MinValue.AddYears(2000));
                    break;
            }
        }
    }
}

/// <summary>What a financing keeps of the approved application.</summary>
public sealed record ApprovedProject(
    Guid ApplicationId,
    Guid? CommitteeId,
    string HolderKind,
    Guid HolderId,
    string Sector,
    string CommuneCode,
    string ProvinceCode);
