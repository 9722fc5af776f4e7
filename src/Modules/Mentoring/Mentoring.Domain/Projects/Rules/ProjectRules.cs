using BuildingBlocks.Domain;

namespace Mentoring.Domain.Projects.Rules;

/// <summary>A mentor at capacity takes another project only when the coordinator says so explicitly.</summary>
public sealed class MentorMustHaveRoomRule(int activeProjects, int capacity, bool overrideCapacity) : IBusinessRule
{
    public string Code => "mentor.at-capacity";

    public LocalizedText Message => new(
        "The mentor already follows as many projects as his capacity; assign with overrideCapacity to go beyond it.",
        "Le mentor suit déjà autant de projets que sa capacité ; affectez avec overrideCapacity pour la dépasser.",
        "المرشد يتابع عددا من المشاريع يساوي طاقته؛ استعمل overrideCapacity لتجاوزها.");

    public bool IsBroken() => activeProjects >= capacity && !overrideCapacity;
}

/// <summary>Only an active mentor takes projects.</summary>
public sealed class MentorMustBeActiveRule(bool active) : IBusinessRule
{
    public string Code => "mentor.inactive";

    public LocalizedText Message => new("The mentor is not active.", "Le mentor n'est pas actif.", "المرشد غير نشط.");

    public bool IsBroken() => !active;
}

/// <summary>A first assignment is an assignment; a change of mentor is a reassignment, with its reason.</summary>
public sealed class ProjectMustAwaitMentorRule(ProjectStatus status) : IBusinessRule
{
    public string Code => "project.already-assigned";

    public LocalizedText Message => new(
        "The project already has a mentor: reassign it, with a reason.",
        "Le projet a déjà un mentor : réaffectez-le, avec un motif.",
        "للمشروع مرشد بالفعل: أعد تعيينه مع ذكر السبب.");

    public bool IsBroken() => status != ProjectStatus.AwaitingMentor;
}

/// <summary>Only a project in follow-up changes mentor, and to another one.</summary>
public sealed class ProjectMustBeInFollowUpRule(ProjectStatus status) : IBusinessRule
{
    public string Code => "project.not-in-follow-up";

    public LocalizedText Message => new(
        "The project is not in follow-up.",
        "Le projet n'est pas en suivi.",
        "المشروع ليس في مرحلة التتبع.");

    public bool IsBroken() => status != ProjectStatus.InFollowUp;
}

public sealed class ReassignmentMustChangeMentorRule(bool same) : IBusinessRule
{
    public string Code => "project.same-mentor";

    public LocalizedText Message => new(
        "The project is already assigned to this mentor.",
        "Le projet est déjà affecté à ce mentor.",
        "المشروع مسند بالفعل إلى هذا المرشد.");

    public bool IsBroken() => same;
}

/// <summary>A reported or cancelled visit is history: it is neither rescheduled nor reported again.</summary>
public sealed class VisitMustBePlannedRule(VisitStatus status) : IBusinessRule
{
    public string Code => "visit.not-planned";

    public LocalizedText Message => new(
        "The visit was already reported or cancelled.",
        "La visite a déjà été rapportée ou annulée.",
        "تم بالفعل تقديم تقرير الزيارة أو إلغاؤها.");

    public bool IsBroken() => status != VisitStatus.Planned;
}

/// <summary>A visit is reported once it took place: not on a future day, not before the project was approved.</summary>
public sealed class VisitDateMustBePlausibleRule(DateOnly visitedOn, DateOnly today, DateOnly approvedOn) : IBusinessRule
{
    public string Code => "visit.implausible-date";

    public LocalizedText Message => new(
        "A visit is reported for a day between the project's approval and today.",
        "Une visite est rapportée pour un jour entre l'approbation du projet et aujourd'hui.",
        "يجب أن يكون تاريخ الزيارة بين تاريخ الموافقة على المشروع واليوم.");

    public bool IsBroken() => visitedOn > today || visitedOn < approvedOn;
}

/// <summary>A visit moves to a day from today on, within the plan's longest span.</summary>
public sealed class RescheduledDateMustBeAheadRule(DateOnly dueOn, DateOnly today) : IBusinessRule
{
    public string Code => "visit.reschedule-date";

    public LocalizedText Message => new(
        "A visit is rescheduled to a day from today on, within five years.",
        "Une visite est reportée à un jour à partir d'aujourd'hui, dans les cinq ans.",
        "يجب أن يكون الموعد الجديد ابتداء من اليوم وفي غضون خمس سنوات.");

    public bool IsBroken() => dueOn < today || dueOn > today.AddYears(5);
}
