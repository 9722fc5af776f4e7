using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using FluentValidation;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Mentors;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Projects.AssignMentor;

/// <summary>Gives a waiting project its first mentor and plans its visits.</summary>
public sealed record AssignMentorCommand(Guid ProjectId, Guid? MentorId, bool? OverrideCapacity) : ICommand, IAssignMentorInput;

/// <summary>Hands a project in follow-up to another mentor, with the reason.</summary>
public sealed record ReassignMentorCommand(Guid ProjectId, Guid? MentorId, string? Reason, bool? OverrideCapacity) : ICommand, IReassignMentorInput;

internal sealed class AssignMentorCommandValidator : AbstractValidator<AssignMentorCommand>
{
    public AssignMentorCommandValidator() => Include(new AssignMentorInputValidator());
}

internal sealed class ReassignMentorCommandValidator : AbstractValidator<ReassignMentorCommand>
{
    public ReassignMentorCommandValidator() => Include(new ReassignMentorInputValidator());
}

internal sealed class AssignMentorCommandHandler(IMentoringDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<AssignMentorCommand>, ICommandHandler<ReassignMentorCommand>
{
    public async ValueTask<Unit> Handle(AssignMentorCommand command, CancellationToken cancellationToken)
    {
        var (project, mentor) = await LoadAsync(command.ProjectId, command.MentorId!.Value, cancellationToken);
        project.Assign(mentor, command.OverrideCapacity ?? false, caller.UserId, clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(ReassignMentorCommand command, CancellationToken cancellationToken)
    {
        var (project, mentor) = await LoadAsync(command.ProjectId, command.MentorId!.Value, cancellationToken);
        project.Reassign(mentor, command.Reason!, command.OverrideCapacity ?? false, caller.UserId, clock.GetUtcNow());
        return Unit.Value;
    }

    private async Task<(MentoredProject Project, MentorLoad Mentor)> LoadAsync(Guid projectId, Guid mentorGuid, CancellationToken cancellationToken)
    {
        MentoringAccess.RefuseMentorOnly(caller);
        var id = new ProjectId(projectId);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("project", projectId);
        var mentorId = new MentorId(mentorGuid);
        var mentor = await db.Mentors.FirstOrDefaultAsync(m => m.Id == mentorId, cancellationToken)
            ?? throw new NotFoundException("mentor", mentorGuid);
        // Two coordinators assigning to the same mentor at once could both see room for one more:
        // the mentor's row is written too (its version checked), so the second one gets 409 and retries.
        db.Context.Entry(mentor).Property(m => m.UpdatedOn).IsModified = true;
        var active = await db.Projects.IgnoreQueryFilters()
            .CountAsync(p => p.MentorId == mentorId && p.Status == ProjectStatus.InFollowUp, cancellationToken);
        return (project, new MentorLoad(mentor.Id, mentor.Active, mentor.Capacity, active));
    }
}
