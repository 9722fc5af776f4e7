using BuildingBlocks.Domain;

namespace Applicants.Domain.Applications;

/// <summary>What an application says when it is filed.</summary>
public sealed record ApplicationDetails(
    Guid ProgrammeId,
    HolderKind HolderKind,
    Guid HolderId,
    string Title,
    Sector Sector,
    string CommuneCode,
    string ProvinceCode,
    string Description,
    Money EstimatedTotalCost,
    Money RequestedAmount,
    Money OwnContribution,
    int ExpectedJobs,
    IntakeChannel Channel,
    Guid? CampaignId,
    Guid? CampaignStopId,
    Guid? ReferringPartnerId,
    bool AlreadyFinanced);

/// <summary>
/// A project application: a holder (person or group) asks a programme to finance a project. Its
/// life is told here, stage by stage, each change dated and attributed in <see cref="History"/>
/// and published to the other modules. Named ProjectApplication so that it never clashes with the
/// Application layer's namespace. Belongs to the province of the project's commune.
/// </summary>
public sealed class ProjectApplication : AggregateRoot<ProjectApplicationId>, IProvinceScoped
{
    private static readonly Dictionary<ApplicationStage, ApplicationStage[]> Transitions = new()
    {
        [ApplicationStage.Submitted] = [ApplicationStage.Eligible, ApplicationStage.Ineligible, ApplicationStage.Withdrawn],
        // Eligibility may be assessed again (new documents, an override) until the committee decides.
        [ApplicationStage.Eligible] = [ApplicationStage.Eligible, ApplicationStage.Ineligible, ApplicationStage.Approved, ApplicationStage.Rejected, ApplicationStage.Withdrawn],
        [ApplicationStage.Ineligible] = [ApplicationStage.Eligible, ApplicationStage.Ineligible, ApplicationStage.Withdrawn],
        [ApplicationStage.Approved] = [ApplicationStage.Financed, ApplicationStage.Withdrawn],
        [ApplicationStage.Rejected] = [],
        [ApplicationStage.Financed] = [ApplicationStage.InFollowUp, ApplicationStage.Closed],
        [ApplicationStage.InFollowUp] = [ApplicationStage.Closed],
        [ApplicationStage.Closed] = [],
        [ApplicationStage.Withdrawn] = [],
    };

    private readonly List<StageChange> _history = [];

    private ProjectApplication()
    {
        Title = Description = CommuneCode = ProvinceCode = string.Empty;
    }

    public Guid ProgrammeId { get; private set; }

    public HolderKind HolderKind { get; private set; }

    public Guid HolderId { get; private set; }

    public string Title { get; private set; }

    public Sector Sector { get; private set; }

    public string CommuneCode { get; private set; }

    /// <summary>The province of <see cref="CommuneCode"/>: the one the province rule reads.</summary>
    public string ProvinceCode { get; private set; }

    public string Description { get; private set; }

    public Money EstimatedTotalCost { get; private set; }

    public Money RequestedAmount { get; private set; }

    public Money OwnContribution { get; private set; }

    public int ExpectedJobs { get; private set; }

    public IntakeChannel Channel { get; private set; }

    /// <summary>The caravan (outreach campaign) it was registered by, when <see cref="Channel"/> is CampaignStop.</summary>
    public Guid? CampaignId { get; private set; }

    /// <summary>The caravan stop it was registered at, when <see cref="Channel"/> is CampaignStop.</summary>
    public Guid? CampaignStopId { get; private set; }

    /// <summary>The partner that referred it, when <see cref="Channel"/> is PartnerReferral.</summary>
    public Guid? ReferringPartnerId { get; private set; }

    /// <summary>Whether the holder (or a member of the group) already had a project financed in some programme when it was filed.</summary>
    public bool AlreadyFinanced { get; private set; }

    public ApplicationStage Stage { get; private set; }

    public DateTimeOffset SubmittedOn { get; private set; }

    public IReadOnlyCollection<StageChange> History => _history;

    /// <summary>The rules checked at the last eligibility assessment, each met or failed; empty until assessed.</summary>
    public IReadOnlyList<EligibilityCheck> EligibilityChecks { get; private set; } = [];

    public DateTimeOffset? EligibilityAssessedOn { get; private set; }

    /// <summary>A ProgramManager's written reason to hold the application eligible despite failed rules; null otherwise.</summary>
    public string? EligibilityOverride { get; private set; }

    public static bool Allows(ApplicationStage from, ApplicationStage to) => Transitions[from].Contains(to);

    public static ProjectApplication Submit(ApplicationDetails details, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new AmountsMustFitTheCostRule(details.EstimatedTotalCost, details.RequestedAmount, details.OwnContribution));
        var application = new ProjectApplication
        {
            Id = ProjectApplicationId.New(),
            ProgrammeId = details.ProgrammeId,
            HolderKind = details.HolderKind,
            HolderId = details.HolderId,
            Title = details.Title.Trim(),
            Sector = details.Sector,
            CommuneCode = details.CommuneCode,
            ProvinceCode = details.ProvinceCode,
            Description = details.Description.Trim(),
            EstimatedTotalCost = details.EstimatedTotalCost,
            RequestedAmount = details.RequestedAmount,
            OwnContribution = details.OwnContribution,
            ExpectedJobs = details.ExpectedJobs,
            Channel = details.Channel,
            CampaignId = details.CampaignId,
            CampaignStopId = details.CampaignStopId,
            ReferringPartnerId = details.ReferringPartnerId,
            AlreadyFinanced = details.AlreadyFinanced,
            SubmittedOn = now,
        };
        application.Record(null, ApplicationStage.Submitted, null, null, by, now);
        return application;
    }

    /// <summary>
    /// Records an assessment against the programme's rules: Eligible when every rule is met,
    /// Ineligible otherwise, unless a justification overrides the failed rules (the caller checked
    /// that a ProgramManager gives it); the checks and the justification are kept.
    /// </summary>
    public void AssessEligibility(IReadOnlyList<EligibilityCheck> checks, string? overrideJustification, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var failed = checks.Where(c => !c.Met).Select(c => c.Rule).ToList();
        var justification = failed.Count > 0 && !string.IsNullOrWhiteSpace(overrideJustification) ? overrideJustification.Trim() : null;
        if (failed.Count == 0 || justification is not null)
        {
            MoveTo(ApplicationStage.Eligible, justification is null ? null : "Override", justification, by, now);
        }
        else
        {
            MoveTo(ApplicationStage.Ineligible, null, $"Failed: {string.Join(", ", failed)}", by, now);
        }

        EligibilityChecks = [.. checks];
        EligibilityAssessedOn = now;
        EligibilityOverride = justification;
    }

    /// <summary>Moves the application to <paramref name="to"/> if its lifecycle allows it (422 otherwise).</summary>
    public void MoveTo(ApplicationStage to, string? outcome, string? note, Actor by, DateTimeOffset now)
    {
        CheckRule(new TransitionMustBeAllowedRule(Stage, to));
        Record(Stage, to, outcome, note, by, now);
    }

    private void Record(ApplicationStage? from, ApplicationStage to, string? outcome, string? note, Actor by, DateTimeOffset now)
    {
        var sequence = _history.Count + 1;
        _history.Add(StageChange.Of(sequence, from, to, outcome, note, by, now));
        Stage = to;
        Raise(new ApplicationStageChangedDomainEvent(Id, ProgrammeId, ReferringPartnerId, from, to, outcome, sequence, now));
    }
}
