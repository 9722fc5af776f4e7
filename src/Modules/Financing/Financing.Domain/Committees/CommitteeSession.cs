using BuildingBlocks.Domain;
using Financing.Domain.Programmes;

namespace Financing.Domain.Committees;

public readonly record struct CommitteeId(Guid Value) : IStronglyTypedId
{
    public static CommitteeId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct CommitteeDecisionId(Guid Value) : IStronglyTypedId
{
    public static CommitteeDecisionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What a selection committee decides for an application.</summary>
public enum DecisionOutcome
{
    /// <summary>Financed, with an amount and a plan.</summary>
    Approved,

    /// <summary>Not financed, for a stated reason.</summary>
    Rejected,

    /// <summary>Put off to a later session.</summary>
    Deferred,

    /// <summary>An approved project's plan replaced by a new one (a later session); the earlier plans stay as history.</summary>
    Revised,
}

/// <summary>
/// A selection committee session of a programme: when it sat, who sat, the applications on its
/// agenda, its minutes, and one decision after another, each dated and attributed.
/// </summary>
public sealed class CommitteeSession : AggregateRoot<CommitteeId>
{
    private readonly List<CommitteeDecision> _decisions = [];

    private CommitteeSession()
    {
    }

    public ProgrammeId ProgrammeId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public IReadOnlyList<string> Members { get; private set; } = [];

    /// <summary>The applications on the agenda (their ids in Applicants).</summary>
    public IReadOnlyList<Guid> Agenda { get; private set; } = [];

    public string? Minutes { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public IReadOnlyCollection<CommitteeDecision> Decisions => _decisions;

    public static CommitteeSession Convene(ProgrammeId programmeId, DateOnly heldOn, IReadOnlyList<string> members, IReadOnlyList<Guid> agenda, string? minutes, Guid? by, DateTimeOffset now) => new()
    {
        Id = CommitteeId.New(),
        ProgrammeId = programmeId,
        HeldOn = heldOn,
        Members = [.. members.Select(m => m.Trim())],
        Agenda = [.. agenda.Distinct()],
        Minutes = string.IsNullOrWhiteSpace(minutes) ? null : minutes.Trim(),
        CreatedOn = now,
        CreatedBy = by,
    };

    /// <summary>Records a decision on an application of the agenda; one decision per application and session.</summary>
    public CommitteeDecision Decide(Guid applicationId, DecisionOutcome outcome, string? reason, Guid? financingId, Guid? by, DateTimeOffset now)
    {
        CheckRule(new ApplicationMustBeOnTheAgendaRule(Agenda.Contains(applicationId)));
        CheckRule(new ApplicationIsDecidedOnceRule(_decisions.Any(d => d.ApplicationId == applicationId)));
        var decision = CommitteeDecision.Create(applicationId, outcome, reason, financingId, by, now);
        _decisions.Add(decision);
        return decision;
    }
}

/// <summary>A committee's decision on one application.</summary>
public sealed class CommitteeDecision : Entity<CommitteeDecisionId>, IPartOfAggregate<CommitteeSession>
{
    private CommitteeDecision()
    {
    }

    public Guid ApplicationId { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The financing an approval created.</summary>
    public Guid? FinancingId { get; private set; }

    public DateTimeOffset DecidedOn { get; private set; }

    public Guid? DecidedBy { get; private set; }

    internal static CommitteeDecision Create(Guid applicationId, DecisionOutcome outcome, string? reason, Guid? financingId, Guid? by, DateTimeOffset now) => new()
    {
        Id = CommitteeDecisionId.New(),
        ApplicationId = applicationId,
        Outcome = outcome,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        FinancingId = financingId,
        DecidedOn = now,
        DecidedBy = by,
    };
}

/// <summary>A committee decides only on what its agenda holds.</summary>
public sealed class ApplicationMustBeOnTheAgendaRule(bool onAgenda) : IBusinessRule
{
    public string Code => "decision.not-on-agenda";

    public LocalizedText Message => new(
        "The application is not on this session's agenda.",
        "La candidature n'est pas à l'ordre du jour de cette séance.",
        "الطلب ليس مدرجا في جدول أعمال هذه الدورة.");

    public bool IsBroken() => !onAgenda;
}

/// <summary>A session decides once on an application; a revision is a later session's decision.</summary>
public sealed class ApplicationIsDecidedOnceRule(bool decided) : IBusinessRule
{
    public string Code => "decision.already-decided";

    public LocalizedText Message => new(
        "This session has already decided on the application.",
        "Cette séance a déjà statué sur la candidature.",
        "سبق لهذه الدورة أن بتت في الطلب.");

    public bool IsBroken() => decided;
}

/// <summary>A committee decides on applications found eligible; only those are approved.</summary>
public sealed class OnlyEligibleApplicationsAreApprovedRule(string stage) : IBusinessRule
{
    public string Code => "decision.application-not-eligible";

    public LocalizedText Message => new(
        $"A committee decides only on an eligible application; this one is {stage}.",
        $"Un comité ne statue que sur une candidature éligible ; celle-ci est {stage}.",
        $"لا تبت اللجنة إلا في طلب مؤهل؛ وهذا الطلب في مرحلة {stage}.");

    public bool IsBroken() => stage != "Eligible";
}

/// <summary>A revision replaces the plan of an approved project; there must be one.</summary>
public sealed class RevisionNeedsAnApprovedPlanRule(bool hasFinancing) : IBusinessRule
{
    public string Code => "decision.revision-needs-an-approved-plan";

    public LocalizedText Message => new(
        "Only the plan of an approved project can be revised; approve the application first.",
        "Seul le plan d'un projet approuvé peut être révisé ; approuvez d'abord la candidature.",
        "لا يمكن مراجعة إلا مخطط مشروع مصادق عليه؛ صادق على الطلب أولا.");

    public bool IsBroken() => !hasFinancing;
}
