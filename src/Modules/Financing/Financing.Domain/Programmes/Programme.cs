using BuildingBlocks.Domain;
using Financing.Domain.Programmes.Rules;

namespace Financing.Domain.Programmes;

/// <summary>
/// A financing programme (e.g. Taounate's INDH AGR programme): the rules an application must
/// meet, the instruments and tranches it finances with, and its funders' envelopes. Draft while
/// set up, open while it takes applications and approvals, then closed.
/// </summary>
public sealed class Programme : AggregateRoot<ProgrammeId>
{
    /// <summary>The own-contribution rate when the programme sets none (INDH's rule for AGR projects).</summary>
    public const decimal DefaultOwnContributionRate = 0.30m;

    private readonly List<ProgrammeFunder> _funders = [];
    private readonly List<ProgrammeTranche> _tranches = [];

    private Programme()
    {
        Code = string.Empty;
        NameFr = string.Empty;
        NameAr = string.Empty;
    }

    public string Code { get; private set; }

    public string NameFr { get; private set; }

    public string NameAr { get; private set; }

    public string? Description { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public IReadOnlyList<string> ProvinceCodes { get; private set; } = [];

    public IReadOnlyList<TargetCategory> TargetCategories { get; private set; } = [];

    public bool AllowsIndividuals { get; private set; }

    public bool AllowsGroups { get; private set; }

    public int? MinimumAge { get; private set; }

    public int? MaximumAge { get; private set; }

    public Money? MaximumProjectCost { get; private set; }

    public Money? MaximumGrant { get; private set; }

    public decimal OwnContributionRate { get; private set; }

    public IReadOnlyList<FinancingInstrument> Instruments { get; private set; } = [];

    public int FollowUpMonthlyVisitsForMonths { get; private set; }

    public int FollowUpQuarterlyVisitsUntilMonth { get; private set; }

    public string? CoordinatorEmail { get; private set; }

    public ProgrammeStatus Status { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public DateTimeOffset UpdatedOn { get; private set; }

    public DateTimeOffset? OpenedOn { get; private set; }

    public DateTimeOffset? ClosedOn { get; private set; }

    public IReadOnlyCollection<ProgrammeFunder> Funders => _funders;

    /// <summary>The tranche policy, in order (see <see cref="ProgrammeTranche.Number"/>).</summary>
    public IReadOnlyCollection<ProgrammeTranche> Tranches => _tranches;

    public static Programme Define(ProgrammeDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var programme = new Programme { Id = ProgrammeId.New(), Status = ProgrammeStatus.Draft, CreatedOn = now };
        programme.Apply(details, now);
        return programme;
    }

    /// <summary>Changes the rules and the funders. A closed programme is history and does not change.</summary>
    public void Update(ProgrammeDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new ClosedProgrammeDoesNotChangeRule(Status));
        Apply(details, now);
    }

    public void Open(DateTimeOffset now)
    {
        CheckRule(new ProgrammeStatusMustAllowRule(Status, ProgrammeStatus.Draft, "open"));
        CheckRule(new OpenProgrammeNeedsAnEnvelopeRule(Money.Sum(_funders.Select(f => f.Envelope))));
        Status = ProgrammeStatus.Open;
        OpenedOn = now;
        UpdatedOn = now;
    }

    public void Close(DateTimeOffset now)
    {
        CheckRule(new ProgrammeStatusMustAllowRule(Status, ProgrammeStatus.Open, "close"));
        Status = ProgrammeStatus.Closed;
        ClosedOn = now;
        UpdatedOn = now;
    }

    public Money Envelope => Money.Sum(_funders.Select(f => f.Envelope));

    /// <summary>What remains of a funder's envelope; zero for a partner that does not fund this programme.</summary>
    public Money RemainingOf(Guid partnerId) => _funders.FirstOrDefault(f => f.PartnerId == partnerId)?.Remaining ?? Money.Zero;

    /// <summary>Holds a grant against its funder's envelope (a financing's approval).</summary>
    public void Commit(Guid partnerId, Money amount) => _funders.Single(f => f.PartnerId == partnerId).Commit(amount);

    /// <summary>Records a payment out of a funder's envelope (a tranche's disbursement).</summary>
    public void Release(Guid partnerId, Money amount) => _funders.Single(f => f.PartnerId == partnerId).Release(amount);

    /// <summary>Records what a funder paid out of its commitments.</summary>
    public void RecordDisbursement(Guid partnerId, Money amount) => _funders.Single(f => f.PartnerId == partnerId).Disburse(amount);

    private void Apply(ProgrammeDetails details, DateTimeOffset now)
    {
        CheckRule(new PeriodMustBeOrderedRule(details.StartsOn, details.EndsOn));
        CheckRule(new AgeRangeMustBeOrderedRule(details.MinimumAge, details.MaximumAge));
        CheckRule(new ProgrammeMustTakeSomeHolderRule(details.AllowsIndividuals, details.AllowsGroups));
        CheckRule(new MaximumGrantMustFitMaximumCostRule(details.MaximumGrant, details.MaximumProjectCost));
        CheckRule(new TrancheSharesMustMakeTheWholeRule(details.Tranches.Select(t => t.Share).ToList()));
        CheckRule(new FollowUpMustBeOrderedRule(details.FollowUpMonthlyVisitsForMonths, details.FollowUpQuarterlyVisitsUntilMonth));
        CheckRule(new FundersMustBeDistinctRule(details.Funders.Select(f => f.PartnerId).ToList()));

        Code = details.Code.Trim().ToUpperInvariant();
        NameFr = details.NameFr.Trim();
        NameAr = details.NameAr.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        ProvinceCodes = [.. details.ProvinceCodes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        TargetCategories = [.. details.TargetCategories.Distinct().Order()];
        AllowsIndividuals = details.AllowsIndividuals;
        AllowsGroups = details.AllowsGroups;
        MinimumAge = details.MinimumAge;
        MaximumAge = details.MaximumAge;
        MaximumProjectCost = details.MaximumProjectCost;
        MaximumGrant = details.MaximumGrant;
        OwnContributionRate = details.OwnContributionRate ?? DefaultOwnContributionRate;
        Instruments = [.. details.Instruments.Distinct().Order()];
        FollowUpMonthlyVisitsForMonths = details.FollowUpMonthlyVisitsForMonths;
        FollowUpQuarterlyVisitsUntilMonth = details.FollowUpQuarterlyVisitsUntilMonth;
        CoordinatorEmail = string.IsNullOrWhiteSpace(details.CoordinatorEmail) ? null : details.CoordinatorEmail.Trim().ToLowerInvariant();
        UpdatedOn = now;
        ApplyTranches(details.Tranches);
        ApplyFunders(details.Funders);
    }

    private void ApplyTranches(IReadOnlyList<TrancheRule> tranches)
    {
        var unchanged = _tranches.Count == tranches.Count
            && _tranches.OrderBy(t => t.Number).Zip(tranches).All(p => p.First.Share == p.Second.Share && p.First.RequiresPositiveVisit == p.Second.RequiresPositiveVisit);
        if (unchanged)
        {
            return;
        }

        _tranches.Clear();
        _tranches.AddRange(tranches.Select((t, i) => ProgrammeTranche.Create(i + 1, t)));
    }

    private void ApplyFunders(IReadOnlyList<FunderShare> funders)
    {
        foreach (var gone in _funders.Where(f => funders.All(n => n.PartnerId != f.PartnerId)).ToList())
        {
            CheckRule(new EnvelopeMustCoverCommitmentsRule(Money.Zero, gone.Committed));
            _funders.Remove(gone);
        }

        foreach (var share in funders)
        {
            var existing = _funders.FirstOrDefault(f => f.PartnerId == share.PartnerId);
            if (existing is null)
            {
                _funders.Add(ProgrammeFunder.Create(share.PartnerId, share.Envelope));
            }
            else if (existing.Envelope != share.Envelope)
            {
                existing.ChangeEnvelope(share.Envelope);
            }
        }
    }
}

/// <summary>A funder named with its share of the envelope.</summary>
public sealed record FunderShare(Guid PartnerId, Money Envelope);

/// <summary>What a programme manager states about a programme, when defining or changing it.</summary>
public sealed record ProgrammeDetails(
    string Code,
    string NameFr,
    string NameAr,
    string? Description,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> ProvinceCodes,
    IReadOnlyList<TargetCategory> TargetCategories,
    bool AllowsIndividuals,
    bool AllowsGroups,
    int? MinimumAge,
    int? MaximumAge,
    Money? MaximumProjectCost,
    Money? MaximumGrant,
    decimal? OwnContributionRate,
    IReadOnlyList<FinancingInstrument> Instruments,
    IReadOnlyList<TrancheRule> Tranches,
    int FollowUpMonthlyVisitsForMonths,
    int FollowUpQuarterlyVisitsUntilMonth,
    string? CoordinatorEmail,
    IReadOnlyList<FunderShare> Funders);
