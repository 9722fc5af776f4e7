using BuildingBlocks.Application.Validation;
using FluentValidation;
using Mentoring.Domain;
using Mentoring.Domain.Mentors;

namespace Mentoring.Application.Mentors;

/// <summary>What a coordinator states about a mentor, in registration and in correction alike.</summary>
public interface IMentorInput
{
    /// <summary>The mentor's full name, in either script.</summary>
    string? Name { get; }

    /// <summary>The address his reminders are sent to.</summary>
    string? Email { get; }

    /// <summary>His telephone number, digits with an optional leading `+`, spaces, dashes or brackets.</summary>
    string? Phone { get; }

    /// <summary>The language of his reminders: `ar` (right-to-left) or `fr`.</summary>
    string? Language { get; }

    /// <summary>The partner organisation he works for (e.g. a social incubator association), by its id in Partnerships; leave it out for an independent volunteer.</summary>
    Guid? OrganisationId { get; }

    /// <summary>The sectors he knows; suggestions rank mentors of the project's sector first.</summary>
    IReadOnlyList<Sector>? Sectors { get; }

    /// <summary>The provinces he works in (HCP codes, e.g. 02.381 for Nador); at least one.</summary>
    IReadOnlyList<string>? Provinces { get; }

    /// <summary>The most projects he follows at once; beyond it an assignment needs an explicit override.</summary>
    int? Capacity { get; }

    /// <summary>Whether he takes projects: an inactive mentor is never suggested nor assigned.</summary>
    bool? Active { get; }

    /// <summary>The staff account (Mentor role) he signs in with, if any: that account then sees only the projects assigned to him.</summary>
    Guid? StaffUserId { get; }
}

internal static class MentorInput
{
    public const string LanguagePattern = "^(ar|fr)$";

    public static MentorDetails ToDetails(this IMentorInput input) => new(
        input.Name!, input.Email!, input.Phone!, input.Language!, input.OrganisationId,
        input.Sectors ?? [], input.Provinces ?? [], input.Capacity!.Value, input.Active ?? true, input.StaffUserId);
}

/// <summary>The shape of a mentor's details; included by the registration and update validators.</summary>
internal sealed class MentorInputValidator : AbstractValidator<IMentorInput>
{
    public MentorInputValidator()
    {
        RuleFor(m => m.Name).NotEmpty().MaximumLength(200).Matches(@"^[^\r\n]*$");
        RuleFor(m => m.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(m => m.Phone).NotEmpty().Matches(@"^\+?[0-9 ()-]{6,20}$");
        RuleFor(m => m.Language).NotEmpty().Matches(MentorInput.LanguagePattern);
        RuleFor(m => m.Sectors).Must(s => s is null || s.Count <= 9).WithMessage("At most 9 sectors.");
        RuleForEach(m => m.Sectors).IsInEnum();
        RuleFor(m => m.Provinces).NotEmpty().Must(p => p is null || p.Count <= 20).WithMessage("At most 20 provinces.");
        RuleForEach(m => m.Provinces).NotEmpty().ProvinceCode();
        RuleFor(m => m.Capacity).NotNull().InclusiveBetween(1, 100);
    }
}
