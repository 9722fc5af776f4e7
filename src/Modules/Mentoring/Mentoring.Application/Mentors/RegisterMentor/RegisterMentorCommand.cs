using BuildingBlocks.Application.Security;
using FluentValidation;
using Identity.Contracts;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain;
using Mentoring.Domain.Mentors;

namespace Mentoring.Application.Mentors.RegisterMentor;

/// <summary>Registers a mentor; answers his id.</summary>
public sealed record RegisterMentorCommand(
    string? Name,
    string? Email,
    string? Phone,
    string? Language,
    Guid? OrganisationId,
    IReadOnlyList<Sector>? Sectors,
    IReadOnlyList<string>? Provinces,
    int? Capacity,
    bool? Active,
    Guid? StaffUserId) : ICommand<Guid>, IMentorInput;

internal sealed class RegisterMentorCommandValidator : AbstractValidator<RegisterMentorCommand>
{
    public RegisterMentorCommandValidator() => Include(new MentorInputValidator());
}

internal sealed class RegisterMentorCommandHandler(IMentoringDbContext db, ICurrentUser caller, ISender sender, IStaffDirectory staff, TimeProvider clock)
    : ICommandHandler<RegisterMentorCommand, Guid>
{
    public async ValueTask<Guid> Handle(RegisterMentorCommand command, CancellationToken cancellationToken)
    {
        MentoringAccess.RefuseMentorOnly(caller);
        var details = command.ToDetails();
        await MentorChecks.EnsureReferencesExistAsync(details, sender, staff, cancellationToken);
        var mentor = Mentor.Register(details, clock.GetUtcNow());
        db.Mentors.Add(mentor);
        return mentor.Id.Value;
    }
}
