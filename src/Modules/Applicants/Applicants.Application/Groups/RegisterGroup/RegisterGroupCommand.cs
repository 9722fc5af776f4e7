using Applicants.Application.Abstractions;
using Applicants.Domain.Groups;
using BuildingBlocks.Application.Persistence;
using FluentValidation;
using Mediator;

namespace Applicants.Application.Groups.RegisterGroup;

/// <summary>Registers a group (a cooperative or an association) with its members; answers its id.</summary>
public sealed record RegisterGroupCommand(
    string? Name,
    string? NameAr,
    LegalForm? LegalForm,
    string? RegistrationNumber,
    DateOnly? CreatedOn,
    string? CommuneCode,
    IReadOnlyList<GroupMemberInput>? Members) : ICommand<Guid>, IGroupInput;

internal sealed class RegisterGroupCommandValidator : AbstractValidator<RegisterGroupCommand>
{
    public RegisterGroupCommandValidator(TimeProvider clock)
    {
        Include(new GroupInputValidator());
        this.RulesForCreationDate(clock);
    }
}

internal sealed class RegisterGroupCommandHandler(IApplicantsDbContext db, IUniqueKeys uniqueKeys, TimeProvider clock) : ICommandHandler<RegisterGroupCommand, Guid>
{
    public async ValueTask<Guid> Handle(RegisterGroupCommand command, CancellationToken cancellationToken)
    {
        var details = await GroupWriting.DetailsAsync(db, command, cancellationToken);
        var group = Group.Register(details, clock.GetUtcNow());
        db.Groups.Add(group);
        GroupWriting.RegistrationMustBeFree(uniqueKeys, db, group);
        return group.Id.Value;
    }
}
