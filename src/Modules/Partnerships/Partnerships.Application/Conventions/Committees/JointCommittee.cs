using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Conventions;

namespace Partnerships.Application.Conventions.Committees;

/// <summary>A member of the joint committee.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="PartnerId">The party the member represents (one of the convention's partners); leave it out for the agency.</param>
/// <param name="Function">The member's function, e.g. "Coordinateur provincial INDH".</param>
public sealed record JointCommitteeMemberInput(string? Name, Guid? PartnerId, string? Function);

/// <summary>An activity of an annual action plan.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="Target">The target, as it will be measured (e.g. "40 projets accompagnés").</param>
/// <param name="ResponsiblePartnerId">The party responsible (one of the convention's partners); leave it out for the agency.</param>
/// <param name="Progress">How far it is, 0 to 100 (%); 0 when left out.</param>
public sealed record ActionPlanActivityInput(string? Title, string? Target, Guid? ResponsiblePartnerId, int? Progress);

/// <summary>The joint committee's members.</summary>
public interface ICommitteeInput
{
    /// <summary>Every member, the agency's and each partner's (replaces the list), 1 to 30.</summary>
    IReadOnlyList<JointCommitteeMemberInput>? Members { get; }
}

/// <summary>A meeting of the joint committee.</summary>
public interface IMeetingInput
{
    /// <summary>The day it was held.</summary>
    DateOnly? HeldOn { get; }

    /// <summary>Who attended, by name (1 to 50).</summary>
    IReadOnlyList<string>? Attendees { get; }

    /// <summary>The minutes (procès-verbal), in short.</summary>
    string? Minutes { get; }

    /// <summary>What the committee decided, one line each (up to 50).</summary>
    IReadOnlyList<string>? Decisions { get; }
}

/// <summary>An annual action plan's activities.</summary>
public interface IActionPlanInput
{
    /// <summary>The plan's activities, with their progress (replaces the list), 1 to 100.</summary>
    IReadOnlyList<ActionPlanActivityInput>? Activities { get; }
}

/// <summary>The year-end evaluation of an action plan.</summary>
public interface IEvaluationInput
{
    /// <summary>The day of the evaluation: from 1 December of the plan's year.</summary>
    DateOnly? EvaluatedOn { get; }

    /// <summary>What was achieved and what was not, and why.</summary>
    string? Summary { get; }
}

internal sealed class JointCommitteeMemberInputValidator : AbstractValidator<JointCommitteeMemberInput>
{
    public JointCommitteeMemberInputValidator()
    {
        RuleFor(m => m.Name).NotEmpty().MaximumLength(150);
        RuleFor(m => m.Function).NotEmpty().MaximumLength(150);
    }
}

internal sealed class ActionPlanActivityInputValidator : AbstractValidator<ActionPlanActivityInput>
{
    public ActionPlanActivityInputValidator()
    {
        RuleFor(a => a.Title).NotEmpty().MaximumLength(300);
        RuleFor(a => a.Target).NotEmpty().MaximumLength(300);
        RuleFor(a => a.Progress).InclusiveBetween(0, 100);
    }
}

internal sealed class CommitteeInputValidator : AbstractValidator<ICommitteeInput>
{
    public CommitteeInputValidator()
    {
        RuleFor(c => c.Members).NotEmpty().Must(l => l is null || l.Count <= 30).WithMessage("Between 1 and 30 members.");
        RuleForEach(c => c.Members).NotNull().SetValidator(new JointCommitteeMemberInputValidator());
    }
}

internal sealed class MeetingInputValidator : AbstractValidator<IMeetingInput>
{
    public MeetingInputValidator()
    {
        RuleFor(m => m.HeldOn).NotNull();
        RuleFor(m => m.Attendees).NotEmpty().Must(l => l is null || l.Count <= 50).WithMessage("Between 1 and 50 attendees.");
        RuleForEach(m => m.Attendees).NotEmpty().MaximumLength(150);
        RuleFor(m => m.Minutes).NotEmpty().MaximumLength(10000);
        RuleFor(m => m.Decisions).Must(l => l is null || l.Count <= 50).WithMessage("At most 50 decisions.");
        RuleForEach(m => m.Decisions).NotEmpty().MaximumLength(1000);
    }
}

internal sealed class ActionPlanInputValidator : AbstractValidator<IActionPlanInput>
{
    public ActionPlanInputValidator()
    {
        RuleFor(p => p.Activities).NotEmpty().Must(l => l is null || l.Count <= 100).WithMessage("Between 1 and 100 activities.");
        RuleForEach(p => p.Activities).NotNull().SetValidator(new ActionPlanActivityInputValidator());
    }
}

internal sealed class EvaluationInputValidator : AbstractValidator<IEvaluationInput>
{
    public EvaluationInputValidator()
    {
        RuleFor(e => e.EvaluatedOn).NotNull();
        RuleFor(e => e.Summary).NotEmpty().MaximumLength(5000);
    }
}

/// <summary>Sets the joint committee's members.</summary>
public sealed record SetCommitteeCommand(Guid ConventionId, IReadOnlyList<JointCommitteeMemberInput>? Members) : ICommand, ICommitteeInput;

/// <summary>Records a meeting of the joint committee; answers its id.</summary>
public sealed record RecordMeetingCommand(Guid ConventionId, DateOnly? HeldOn, IReadOnlyList<string>? Attendees, string? Minutes, IReadOnlyList<string>? Decisions)
    : ICommand<Guid>, IMeetingInput;

/// <summary>Draws up or revises a year's action plan.</summary>
public sealed record PlanYearCommand(Guid ConventionId, int Year, IReadOnlyList<ActionPlanActivityInput>? Activities) : ICommand, IActionPlanInput;

/// <summary>Records a plan's year-end evaluation, closing it.</summary>
public sealed record EvaluatePlanCommand(Guid ConventionId, int Year, DateOnly? EvaluatedOn, string? Summary) : ICommand, IEvaluationInput;

/// <summary>A convention's joint committee and its meetings.</summary>
public sealed record GetCommitteeQuery(Guid ConventionId) : IQuery<JointCommitteeDto>;

/// <summary>A convention's annual action plans.</summary>
public sealed record GetActionPlansQuery(Guid ConventionId) : IQuery<IReadOnlyList<ActionPlanDto>>;

/// <summary>A convention's action plan for one calendar year.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Activities">Its activities, each with its target, responsible party (none for the agency) and progress in %.</param>
/// <param name="AverageProgress">The activities' average progress, in %.</param>
/// <param name="EvaluatedOn">The day of its year-end evaluation; null until then. An evaluated plan is closed.</param>
/// <param name="EvaluationSummary">What the evaluation found; null until evaluated.</param>
/// <param name="EvaluatedProgress">The activities' average progress when evaluated, in %; null until evaluated.</param>
public sealed record ActionPlanDto(
    int Year,
    IReadOnlyList<ActionPlanActivity> Activities,
    int AverageProgress,
    DateOnly? EvaluatedOn,
    string? EvaluationSummary,
    int? EvaluatedProgress) : IApiExample<ActionPlanDto>
{
    public static ActionPlanDto Example { get; } = new(
        2026,
        [
            new ActionPlanActivity("Incuber les porteurs de projets retenus", "40 projets incubés", Guid.Parse("019ac1aa-3c00-7d1e-8f20-3a4b5c6d7e8f"), 45),
            new ActionPlanActivity("Former les bénéficiaires à la gestion", "4 sessions de formation", null, 50),
        ],
        48,
        null,
        null,
        null);

    public static ActionPlanDto From(ActionPlan plan) => new(
        plan.Year,
        plan.Activities,
        plan.Activities.Count == 0 ? 0 : (int)Math.Round(plan.Activities.Average(a => a.Progress)),
        plan.Evaluation?.EvaluatedOn,
        plan.Evaluation?.Summary,
        plan.Evaluation?.AverageProgress);
}

/// <summary>A convention's joint committee: its members and its meetings.</summary>
/// <param name="ConventionId">The convention.</param>
/// <param name="Members">The members, for the agency (no partner) and each partner.</param>
/// <param name="Meetings">Its meetings, by date.</param>
public sealed record JointCommitteeDto(Guid ConventionId, IReadOnlyList<JointCommitteeMember> Members, IReadOnlyList<JointCommitteeMeeting> Meetings) : IApiExample<JointCommitteeDto>
{
    public static JointCommitteeDto Example { get; } = new(
        Guid.Parse("019ac1d0-2a3b-7c4d-9e5f-6a7b8c9d0e1f"),
        [
            new JointCommitteeMember("Karima Benjelloun", null, "Directrice régionale ADS"),
            new JointCommitteeMember("Mohamed Amrani", Guid.Parse("019ac1aa-3c00-7d1e-8f20-3a4b5c6d7e8f"), "Président de l'ATPE Nador"),
        ],
        [
            new JointCommitteeMeeting(
                Guid.Parse("019ac3d0-1e2f-7a3b-8c4d-5e6f7a8b9c0d"),
                new DateOnly(2026, 3, 12),
                ["Karima Benjelloun", "Mohamed Amrani"],
                "Bilan du premier trimestre : 18 porteurs de projets incubés, 6 financés.",
                ["Lancer un deuxième appel à candidatures en avril", "Ouvrir une antenne à Zaïo"],
                new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.FromHours(1))),
        ]);
}

internal sealed class SetCommitteeCommandValidator : AbstractValidator<SetCommitteeCommand>
{
    public SetCommitteeCommandValidator() => Include(new CommitteeInputValidator());
}

internal sealed class RecordMeetingCommandValidator : AbstractValidator<RecordMeetingCommand>
{
    public RecordMeetingCommandValidator() => Include(new MeetingInputValidator());
}

internal sealed class PlanYearCommandValidator : AbstractValidator<PlanYearCommand>
{
    public PlanYearCommandValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        Include(new ActionPlanInputValidator());
    }
}

internal sealed class EvaluatePlanCommandValidator : AbstractValidator<EvaluatePlanCommand>
{
    public EvaluatePlanCommandValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        Include(new EvaluationInputValidator());
    }
}

internal sealed class JointCommitteeHandlers(IPartnershipsDbContext db, TimeProvider clock) :
    ICommandHandler<SetCommitteeCommand>,
    ICommandHandler<RecordMeetingCommand, Guid>,
    ICommandHandler<PlanYearCommand>,
    ICommandHandler<EvaluatePlanCommand>,
    IQueryHandler<GetCommitteeQuery, JointCommitteeDto>,
    IQueryHandler<GetActionPlansQuery, IReadOnlyList<ActionPlanDto>>
{
    public async ValueTask<Unit> Handle(SetCommitteeCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, cancellationToken);
        convention.SetCommittee([.. command.Members!.Select(m => new JointCommitteeMember(m.Name!, m.PartnerId, m.Function!))], clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<Guid> Handle(RecordMeetingCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, cancellationToken);
        return convention.RecordMeeting(command.HeldOn!.Value, command.Attendees!, command.Minutes!, command.Decisions ?? [], clock.GetUtcNow()).Id;
    }

    public async ValueTask<Unit> Handle(PlanYearCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, cancellationToken);
        convention.PlanYear(
            command.Year,
            [.. command.Activities!.Select(a => new ActionPlanActivity(a.Title!, a.Target!, a.ResponsiblePartnerId, a.Progress ?? 0))],
            clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(EvaluatePlanCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, cancellationToken);
        if (convention.ActionPlans.All(p => p.Year != command.Year))
        {
            throw new NotFoundException("action plan", command.Year);
        }

        convention.EvaluateYear(command.Year, command.EvaluatedOn!.Value, command.Summary!, clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<JointCommitteeDto> Handle(GetCommitteeQuery query, CancellationToken cancellationToken)
    {
        var id = new ConventionId(query.ConventionId);
        return await db.Conventions.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new JointCommitteeDto(c.Id.Value, c.CommitteeMembers, c.Meetings))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("convention", query.ConventionId);
    }

    public async ValueTask<IReadOnlyList<ActionPlanDto>> Handle(GetActionPlansQuery query, CancellationToken cancellationToken)
    {
        var id = new ConventionId(query.ConventionId);
        var plans = await db.Conventions.AsNoTracking().Where(c => c.Id == id).Select(c => c.ActionPlans).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("convention", query.ConventionId);
        return [.. plans.Select(ActionPlanDto.From)];
    }

    // The province filter applies: a convention the caller may not read answers 404.
    private async Task<Convention> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var conventionId = new ConventionId(id);
        return await db.Conventions.Include(c => c.Parties).FirstOrDefaultAsync(c => c.Id == conventionId, cancellationToken)
            ?? throw new NotFoundException("convention", id);
    }
}
