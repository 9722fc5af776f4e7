using Applicants.Application.Abstractions;
using Applicants.Domain.Groups;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Groups.UpdateGroup;

/// <summary>Corrects a group's details and members; <paramref name="Version"/> is the one the caller read.</summary>
public sealed record UpdateGroupCommand(
    Guid GroupId,
    uint? Version,
    string? Name,
    string? NameAr,
    LegalForm? LegalForm,
    string? RegistrationNumber,
    DateOnly? CreatedOn,
    string? CommuneCode,
    IReadOnlyList<GroupMemberInput>? Members) : ICommand, IGroupInput;

internal sealed class UpdateGroupCommandValidator : AbstractValidator<UpdateGroupCommand>
{
    public UpdateGroupCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Version).NotNull();
        Include(new GroupInputValidator());
        this.RulesForCreationDate(clock);
    }
}

internal sealed class UpdateGroupCommandHandler(IApplicantsDbContext db, IUniqueKeys uniqueKeys, TimeProvider clock) : ICommandHandler<UpdateGroupCommand>
{
    public async ValueTask<Unit> Handle(UpdateGroupCommand command, CancellationToken cancellationToken)
    {
        var id = new GroupId(command.GroupId);
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
                    ?? throw new NotFoundException("group", command.GroupId);
        db.Context.ExpectVersion(group, command.Version!.Value);
        var details = await GroupWriting.DetailsAsync(db, command, cancellationToken);
        group.Update(details, clock.GetUtcNow());
        GroupWriting.RegistrationMustBeFree(uniqueKeys, db, group);
        return Unit.Value;
    }
}
