using BuildingBlocks.Domain;
using Partnerships.Domain.Conventions.Rules;
using Partnerships.Domain.Partners;

namespace Partnerships.Domain.Conventions;

/// <summary>
/// A partnership convention between the agency and one or more partners: its parties and their
/// roles, its terms (title, duration, scope, financial commitments), the deliverables each party
/// owes, and the amendments that changed its terms. Drawn up as a draft, then signed, in force,
/// and finally expired or terminated; a renewal is a new convention linked to this one.
/// </summary>
public sealed class Convention : AggregateRoot<ConventionId>, IProvinceScoped
{
    private readonly List<ConventionParty> _parties = [];
    private readonly List<Obligation> _obligations = [];
    private readonly List<Amendment> _amendments = [];

    private Convention()
    {
        Reference = string.Empty;
        Title = string.Empty;
    }

    public string Reference { get; private set; }

    public string Title { get; private set; }

    public ConventionKind Kind { get; private set; }

    public ConventionStatus Status { get; private set; }

    /// <summary>The province the convention belongs to (who may read and change it); null for a national convention.</summary>
    public string? ProvinceCode { get; private set; }

    /// <summary>The provinces the convention covers.</summary>
    public string[] ProvinceCodes { get; private set; } = [];

    /// <summary>The Financing programmes the convention frames (their ids; the programmes live in Financing).</summary>
    public Guid[] ProgrammeIds { get; private set; } = [];

    public int DurationMonths { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    public DateOnly? EffectiveOn { get; private set; }

    /// <summary>The last day in force: the effective date plus the duration, minus one day.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public DateOnly? TerminatedOn { get; private set; }

    public string? TerminationReason { get; private set; }

    /// <summary>Who follows the convention for the agency; reminders are written to this address.</summary>
    public string? ManagerEmail { get; private set; }

    /// <summary>The convention this one renews, if it is a renewal.</summary>
    public ConventionId? RenewalOf { get; private set; }

    public IReadOnlyList<FinancialCommitment> Commitments { get; private set; } = [];

    public IReadOnlyCollection<ConventionParty> Parties => _parties;

    public IReadOnlyCollection<Obligation> Obligations => _obligations;

    public IReadOnlyCollection<Amendment> Amendments => _amendments;

    /// <summary>The joint committee's members, for the agency and each partner.</summary>
    public IReadOnlyList<JointCommitteeMember> CommitteeMembers { get; private set; } = [];

    /// <summary>The joint committee's meetings, by date.</summary>
    public IReadOnlyList<JointCommitteeMeeting> Meetings { get; private set; } = [];

    /// <summary>The annual action plans, by year.</summary>
    public IReadOnlyList<ActionPlan> ActionPlans { get; private set; } = [];

    public DateTimeOffset CreatedOn { get; private set; }

    public DateTimeOffset UpdatedOn { get; private set; }

    public ConventionTerms Terms => new(Title, DurationMonths, ProvinceCodes, ProgrammeIds, Commitments);

    public static Convention Draft(
        string reference,
        ConventionKind kind,
        string? provinceCode,
        string? managerEmail,
        IReadOnlyCollection<PartyDetails> parties,
        ConventionTerms terms,
        IReadOnlyCollection<ObligationDetails> obligations,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(obligations);
        var convention = new Convention { Id = ConventionId.New(), Status = ConventionStatus.Draft, CreatedOn = now };
        convention.Apply(reference, kind, provinceCode, managerEmail, parties, terms, obligations, now);
        return convention;
    }

    /// <summary>Corrects a draft: after signing, terms change only by amendment.</summary>
    public void Correct(
        string reference,
        ConventionKind kind,
        string? provinceCode,
        string? managerEmail,
        IReadOnlyCollection<PartyDetails> parties,
        ConventionTerms terms,
        IReadOnlyCollection<ObligationDetails> obligations,
        DateTimeOffset now)
    {
        CheckRule(new ConventionTransitionMustBeAllowedRule(Status, "corrected (amend it instead)", ConventionStatus.Draft));
        Apply(reference, kind, provinceCode, managerEmail, parties, terms, obligations, now);
    }

    /// <summary>Records the signature; a convention whose effective date has come is in force at once.</summary>
    public void Sign(DateOnly signedOn, DateOnly effectiveOn, DateOnly today, DateTimeOffset now)
    {
        CheckRule(new ConventionTransitionMustBeAllowedRule(Status, "signed", ConventionStatus.Draft));
        CheckRule(new EffectiveDateMustFollowSigningRule(signedOn, effectiveOn));
        SignedOn = signedOn;
        EffectiveOn = effectiveOn;
        ExpiresOn = effectiveOn.AddMonths(DurationMonths).AddDays(-1);
        Status = ConventionStatus.Signed;
        UpdatedOn = now;
        Refresh(today, now);
    }

    /// <summary>Moves a signed convention into force and an active one out of it, as the calendar says. Safe to call any day, any number of times.</summary>
    public bool Refresh(DateOnly today, DateTimeOffset now)
    {
        var before = Status;
        if (Status == ConventionStatus.Signed && EffectiveOn <= today)
        {
            Status = ConventionStatus.Active;
        }

        if (Status == ConventionStatus.Active && ExpiresOn < today)
        {
            Status = ConventionStatus.Expired;
        }

        if (Status != before)
        {
            UpdatedOn = now;
            return true;
        }

        return false;
    }

    public void Terminate(DateOnly terminatedOn, string reason, DateTimeOffset now)
    {
        CheckRule(new ConventionTransitionMustBeAllowedRule(Status, "terminated", ConventionStatus.Signed, ConventionStatus.Active));
        Status = ConventionStatus.Terminated;
        TerminatedOn = terminatedOn;
        TerminationReason = reason.Trim();
        UpdatedOn = now;
    }

    /// <summary>Changes the terms of a signed or active convention, keeping the terms it replaces in the amendment.</summary>
    public Amendment Amend(DateOnly signedOn, string summary, ConventionTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        CheckRule(new ConventionTransitionMustBeAllowedRule(Status, "amended", ConventionStatus.Signed, ConventionStatus.Active));
        var amendment = new Amendment(_amendments.Count + 1, signedOn, summary, Terms, now);
        ApplyTerms(terms);
        if (EffectiveOn is { } effective)
        {
            ExpiresOn = effective.AddMonths(DurationMonths).AddDays(-1);
        }

        _amendments.Add(amendment);
        UpdatedOn = now;
        return amendment;
    }

    /// <summary>A new draft with the same parties and terms, linked to this one, to be signed in its turn.</summary>
    public Convention Renew(string reference, DateTimeOffset now)
    {
        CheckRule(new ConventionTransitionMustBeAllowedRule(Status, "renewed", ConventionStatus.Active, ConventionStatus.Expired));
        var renewal = Draft(
            reference,
            Kind,
            ProvinceCode,
            ManagerEmail,
            [.. _parties.Select(p => new PartyDetails(p.PartnerId.Value, p.Role))],
            Terms,
            [],
            now);
        renewal.RenewalOf = Id;
        return renewal;
    }

    public Obligation AddObligation(ObligationDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new ConventionTransitionMustBeAllowedRule(Status, "given new deliverables", ConventionStatus.Draft, ConventionStatus.Signed, ConventionStatus.Active));
        CheckRule(new CommitmentsMustBelongToPartiesRule([details.PartnerId], PartnerIds));
        var obligation = new Obligation(details);
        _obligations.Add(obligation);
        UpdatedOn = now;
        return obligation;
    }

    public void SettleObligation(ObligationId id, ObligationStatus status, DateOnly on, DateTimeOffset now)
    {
        var obligation = _obligations.Single(o => o.Id == id);
        obligation.Settle(status, on);
        UpdatedOn = now;
    }

    /// <summary>Sets the joint committee's members (the whole list); each represents the agency or a party.</summary>
    public void SetCommittee(IReadOnlyList<JointCommitteeMember> members, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        CheckRule(new CommitmentsMustBelongToPartiesRule(members.Select(m => m.PartnerId), PartnerIds));
        CommitteeMembers = [.. members.Select(m => m with { Name = m.Name.Trim(), Function = m.Function.Trim() })];
        UpdatedOn = now;
    }

    public JointCommitteeMeeting RecordMeeting(DateOnly heldOn, IReadOnlyList<string> attendees, string minutes, IReadOnlyList<string> decisions, DateTimeOffset now)
    {
        CheckRule(new ConventionMustBeSignedRule(Status, "committee meetings"));
        var meeting = new JointCommitteeMeeting(Guid.CreateVersion7(), heldOn, [.. attendees.Select(a => a.Trim())], minutes.Trim(), [.. decisions.Select(d => d.Trim())], now);
        Meetings = [.. Meetings.Append(meeting).OrderBy(m => m.HeldOn).ThenBy(m => m.Id)];
        UpdatedOn = now;
        return meeting;
    }

    /// <summary>Draws up or revises the action plan of a year (its activities and their progress), until it is evaluated.</summary>
    public ActionPlan PlanYear(int year, IReadOnlyList<ActionPlanActivity> activities, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activities);
        CheckRule(new ConventionMustBeSignedRule(Status, "action plans"));
        CheckRule(new PlanYearMustBeWithinConventionRule(year, EffectiveOn, ExpiresOn));
        CheckRule(new PlanMustBeOpenRule(ActionPlans.FirstOrDefault(p => p.Year == year), "revised"));
        CheckRule(new CommitmentsMustBelongToPartiesRule(activities.Select(a => a.ResponsiblePartnerId), PartnerIds));
        var plan = new ActionPlan(year, [.. activities.Select(a => a with { Title = a.Title.Trim(), Target = a.Target.Trim() })], null);
        ActionPlans = [.. ActionPlans.Where(p => p.Year != year).Append(plan).OrderBy(p => p.Year)];
        UpdatedOn = now;
        return plan;
    }

    /// <summary>The year-end evaluation: records what was achieved and closes the plan.</summary>
    public ActionPlan EvaluateYear(int year, DateOnly evaluatedOn, string summary, DateTimeOffset now)
    {
        var plan = ActionPlans.FirstOrDefault(p => p.Year == year) ?? throw new InvalidOperationException("No plan for that year.");
        CheckRule(new PlanMustBeOpenRule(plan, "evaluated again"));
        CheckRule(new EvaluationMustWaitForYearEndRule(year, evaluatedOn));
        var average = plan.Activities.Count == 0 ? 0 : (int)Math.Round(plan.Activities.Average(a => a.Progress));
        var evaluated = plan with { Evaluation = new ActionPlanEvaluation(evaluatedOn, summary.Trim(), average) };
        ActionPlans = [.. ActionPlans.Select(p => p.Year == year ? evaluated : p)];
        UpdatedOn = now;
        return evaluated;
    }

    private Guid[] PartnerIds => [.. _parties.Select(p => p.PartnerId.Value)];

    private void Apply(
        string reference,
        ConventionKind kind,
        string? provinceCode,
        string? managerEmail,
        IReadOnlyCollection<PartyDetails> parties,
        ConventionTerms terms,
        IReadOnlyCollection<ObligationDetails> obligations,
        DateTimeOffset now)
    {
        CheckRule(new ConventionMustHavePartnersRule(parties));
        Reference = reference.Trim().ToUpperInvariant();
        Kind = kind;
        ProvinceCode = string.IsNullOrWhiteSpace(provinceCode) ? null : provinceCode.Trim();
        ManagerEmail = string.IsNullOrWhiteSpace(managerEmail) ? null : managerEmail.Trim().ToLowerInvariant();

        // Parties are replaced as a whole, keeping the rows of the partners that stay.
        _parties.RemoveAll(p => !parties.Any(d => d.PartnerId == p.PartnerId.Value && d.Role == p.Role));
        foreach (var party in parties.Where(d => !_parties.Any(p => p.PartnerId.Value == d.PartnerId && p.Role == d.Role)))
        {
            _parties.Add(new ConventionParty(new PartnerId(party.PartnerId), party.Role));
        }

        ApplyTerms(terms);
        CheckRule(new CommitmentsMustBelongToPartiesRule(obligations.Select(o => o.PartnerId), PartnerIds));
        _obligations.Clear();
        _obligations.AddRange(obligations.Select(o => new Obligation(o)));
        UpdatedOn = now;
    }

    private void ApplyTerms(ConventionTerms terms)
    {
        CheckRule(new CommitmentsMustBelongToPartiesRule(terms.Commitments.Select(c => c.PartnerId), PartnerIds));
        foreach (var commitment in terms.Commitments)
        {
            CheckRule(new ScheduleMustPayTheAmountRule(commitment));
        }

        Title = terms.Title.Trim();
        DurationMonths = terms.DurationMonths;
        ProvinceCodes = [.. terms.ProvinceCodes.Distinct(StringComparer.Ordinal)];
        ProgrammeIds = [.. terms.ProgrammeIds.Distinct()];
        Commitments = [.. terms.Commitments.Select(c => c with { Schedule = [.. c.Schedule.OrderBy(i => i.DueOn)] })];
    }
}
