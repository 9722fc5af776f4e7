using Applicants.Application.Geography;
using Applicants.Domain.Groups;
using BuildingBlocks.Domain;
using FluentValidation;

namespace Applicants.Application.Groups;

/// <summary>What a staff member states about a group (a cooperative or an association), in registration and in correction alike.</summary>
public interface IGroupInput
{
    /// <summary>The group's name in Latin letters, as registered (at most 200 characters).</summary>
    string? Name { get; }

    /// <summary>The group's name in Arabic script, when it has one (at most 200 characters).</summary>
    string? NameAr { get; }

    /// <summary>Cooperative or Association.</summary>
    LegalForm? LegalForm { get; }

    /// <summary>The number it is registered under: the ODCO register for a cooperative, the authority's receipt for an association (at most 40 characters; stored upper-case, unique per legal form).</summary>
    string? RegistrationNumber { get; }

    /// <summary>The day the group was created (YYYY-MM-DD), not after today.</summary>
    DateOnly? CreatedOn { get; }

    /// <summary>The commune of the group's seat (HCP code, e.g. 04.291.01.03): it decides the group's province.</summary>
    string? CommuneCode { get; }

    /// <summary>Its members, registered persons (POST /api/v1/applicants), each once and with a role; exactly one President. 1 to 500 members.</summary>
    IReadOnlyList<GroupMemberInput>? Members { get; }
}

/// <summary>A member of a group: a registered person and their role.</summary>
public sealed record GroupMemberInput
{
    public GroupMemberInput(Guid? personId, MemberRole? role)
    {
        PersonId = personId;
        Role = role;
    }

    /// <summary>The person's id (GET /api/v1/applicants).</summary>
    public Guid? PersonId { get; init; }

    /// <summary>The member's role: President, VicePresident, Treasurer, Secretary, Adviser or Member.</summary>
    public MemberRole? Role { get; init; }
}

internal sealed class GroupInputValidator : AbstractValidator<IGroupInput>
{
    public const int MaxMembers = 500;

    public GroupInputValidator()
    {
        RuleFor(g => g.Name).NotEmpty().MaximumLength(200);
        RuleFor(g => g.NameAr).MaximumLength(200);
        RuleFor(g => g.LegalForm).NotNull().IsInEnum();
        RuleFor(g => g.RegistrationNumber).NotEmpty().MaximumLength(40).Matches(@"^[0-9A-Za-z][0-9A-Za-z/.\- ]*$");
        RuleFor(g => g.CreatedOn).NotNull().GreaterThanOrEqualTo(new DateOnly(1900, 1, 1));
        RuleFor(g => g.CommuneCode).NotEmpty().MaximumLength(12).Matches(GeographyCodes.CommunePattern);
        RuleFor(g => g.Members).NotEmpty().Must(m => m is null || m.Count <= MaxMembers)
            .WithMessage(new LocalizedText(
                $"A group has at most {MaxMembers} members.",
                $"Un groupement a au plus {MaxMembers} membres.",
                $"للمجموعة {MaxMembers} عضو على الأكثر.").ToString());
        RuleForEach(g => g.Members).NotNull().SetValidator(new GroupMemberInputValidator()).When(g => g.Members is { Count: <= MaxMembers });
        RuleFor(g => g.Members)
            .Must(m => m is null || m.Where(x => x?.PersonId is not null).Select(x => x!.PersonId).Distinct().Count() == m.Count(x => x?.PersonId is not null))
            .WithMessage(_ => new LocalizedText(
                "A person is a member of the group once.",
                "Une personne est membre du groupement une seule fois.",
                "يكون الشخص عضوا في المجموعة مرة واحدة فقط.").ToString());
    }
}

internal sealed class GroupMemberInputValidator : AbstractValidator<GroupMemberInput>
{
    public GroupMemberInputValidator()
    {
        RuleFor(m => m.PersonId).NotEmpty();
        RuleFor(m => m.Role).NotNull().IsInEnum();
    }
}
