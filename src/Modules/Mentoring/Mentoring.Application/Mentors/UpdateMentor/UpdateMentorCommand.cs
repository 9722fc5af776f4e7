using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Security;
using FluentValidation;
using Identity.Contracts;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain;
using Mentoring.Domain.Mentors;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Mentors.UpdateMentor;

/// <summary>Corrects a mentor's details; <paramref name="Version"/> is the one the caller read.</summary>
public sealed record UpdateMentorCommand(
    Guid MentorId,
    uint? Version,
    string? Name,
    string? Email,
    string? Phone,
    string? Language,
    Guid? OrganisationId,
    IReadOnlyList<Sector>? Sectors,
    IReadOnlyList<string>? Provinces,
    int? Capacity,
    bool? Active,
    Guid? StaffUserId) : ICommand, IMentorInput;

internal sealed class UpdateMentorCommandValidator : AbstractValidator<UpdateMentorCommand>
{
    public UpdateMentorCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new MentorInputValidator());
    }
}

internal sealed class UpdateMentorCommandHandler(IMentoringDbContext db, ICurrentUser caller, ISender sender, IStaffDirectory staff, TimeProvider clock)
    : ICommandHandler<UpdateMentorCommand>
{
    public async ValueTask<Unit> Handle(UpdateMentorCommand command, CancellationToken cancellationToken)
    {
        MentoringAccess.RefuseMentorOnly(caller);
        var id = new MentorId(command.MentorId);
        var mentor = await db.Mentors.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("mentor", command.MentorId);
        db.Context.ExpectVersion(mentor, command.Version!.Value);
        var details = command.ToDetails();
        await MentorChecks.EnsureReferencesExistAsync(details, sender, staff, cancellationToken);
        mentor.Update(details, clock.GetUtcNow());
        return Unit.Value;
    }
}
