using BuildingBlocks.Domain;

namespace Partnerships.Domain.Conventions;

/// <summary>A member of a convention's joint committee (comité de pilotage), for the agency or one of the partners.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="PartnerId">The party the member represents; null for the agency.</param>
/// <param name="Function">The member's function (e.g. coordinateur provincial, président de l'association).</param>
public sealed record JointCommitteeMember(string Name, Guid? PartnerId, string Function);

/// <summary>A meeting of the joint committee, as its minutes record it.</summary>
/// <param name="Id">The meeting's id.</param>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Attendees">Who attended, by name.</param>
/// <param name="Minutes">The minutes (procès-verbal), in short.</param>
/// <param name="Decisions">What the committee decided, one line each.</param>
/// <param name="RecordedOn">When it was recorded here.</param>
public sealed record JointCommitteeMeeting(Guid Id, DateOnly HeldOn, IReadOnlyList<string> Attendees, string Minutes, IReadOnlyList<string> Decisions, DateTimeOffset RecordedOn);

/// <summary>One activity of an annual action plan.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="Target">The target, as measured (e.g. 40 projets accompagnés).</param>
/// <param name="ResponsiblePartnerId">The party responsible; null for the agency.</param>
/// <param name="Progress">How far it is, 0 to 100 %.</param>
public sealed record ActionPlanActivity(string Title, string Target, Guid? ResponsiblePartnerId, int Progress);

/// <summary>The year-end evaluation of an action plan: after it the plan is closed.</summary>
/// <param name="EvaluatedOn">The day of the evaluation.</param>
/// <param name="Summary">What was achieved and what was not, and why.</param>
/// <param name="AverageProgress">The activities' average progress when evaluated, in %.</param>
public sealed record ActionPlanEvaluation(DateOnly EvaluatedOn, string Summary, int AverageProgress);

/// <summary>A convention's action plan for one calendar year.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Activities">Its activities.</param>
/// <param name="Evaluation">The year-end evaluation, once made.</param>
public sealed record ActionPlan(int Year, IReadOnlyList<ActionPlanActivity> Activities, ActionPlanEvaluation? Evaluation);

/// <summary>Only a convention that has been signed has a committee that meets and plans.</summary>
public sealed class ConventionMustBeSignedRule(ConventionStatus status, string action) : IBusinessRule
{
    public string Code => "convention.not-signed";

    public LocalizedText Message => new(
        $"A convention that is {status} cannot be given {action}.",
        $"Une convention à l'état {status} ne peut pas recevoir : {action}.",
        $"لا يمكن إضافة ({action}) إلى اتفاقية في حالة {status}.");

    public bool IsBroken() => status is not (ConventionStatus.Signed or ConventionStatus.Active or ConventionStatus.Expired);
}

/// <summary>An action plan's year lies within the convention's period.</summary>
public sealed class PlanYearMustBeWithinConventionRule(int year, DateOnly? effectiveOn, DateOnly? expiresOn) : IBusinessRule
{
    public string Code => "convention.plan-year-out-of-period";

    public LocalizedText Message => new(
        "An action plan's year must fall within the convention's period.",
        "L'année d'un plan d'action doit être comprise dans la période de la convention.",
        "يجب أن تقع سنة خطة العمل ضمن فترة الاتفاقية.");

    public bool IsBroken() => effectiveOn is not { } from || expiresOn is not { } to || year < from.Year || year > to.Year;
}

/// <summary>An evaluated plan is closed; a plan is evaluated at year end (from 1 December).</summary>
public sealed class PlanMustBeOpenRule(ActionPlan? plan, string action) : IBusinessRule
{
    public string Code => "convention.plan-closed";

    public LocalizedText Message => new(
        $"This action plan is already evaluated: it cannot be {action}.",
        $"Ce plan d'action est déjà évalué : il ne peut plus être {action}.",
        $"خطة العمل هذه تم تقييمها: لا يمكن {action}.");

    public bool IsBroken() => plan?.Evaluation is not null;
}

public sealed class EvaluationMustWaitForYearEndRule(int year, DateOnly evaluatedOn) : IBusinessRule
{
    public string Code => "convention.plan-evaluated-too-early";

    public LocalizedText Message => new(
        "An action plan is evaluated at year end: from 1 December of its year.",
        "Un plan d'action s'évalue en fin d'année : à partir du 1er décembre de son année.",
        "يتم تقييم خطة العمل في نهاية السنة: ابتداء من فاتح دجنبر من سنتها.");

    public bool IsBroken() => evaluatedOn < new DateOnly(year, 12, 1);
}
