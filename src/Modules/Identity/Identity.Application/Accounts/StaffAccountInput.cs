using BuildingBlocks.Application.Validation;
using FluentValidation;

namespace Identity.Application.Accounts;

/// <summary>What an administrator states about a staff account, on creation and on change alike.</summary>
public interface IStaffAccountInput
{
    /// <summary>The address the person signs in with; unique among accounts.</summary>
    string? Email { get; }

    /// <summary>The name in Latin script; required unless `displayNameAr` is given.</summary>
    string? DisplayName { get; }

    /// <summary>The name in Arabic script; required unless `displayName` is given.</summary>
    string? DisplayNameAr { get; }

    /// <summary>The language of the person's emails and problem documents: ar, fr or en (fr when left out).</summary>
    string? PreferredLanguage { get; }

    /// <summary>At least one role; an Officer needs at least one province.</summary>
    IReadOnlyList<StaffRole>? Roles { get; }

    /// <summary>Official codes of the provinces an Officer works on (HCP codes, e.g. 03.531).</summary>
    IReadOnlyList<string>? Provinces { get; }

    /// <summary>For a Mentor, the id of the mentor record the account is linked to (checked by Mentoring when it arrives).</summary>
    Guid? MentorId { get; }
}

/// <summary>The shape of a staff account's details; included by the creation and the change validators.</summary>
internal sealed class StaffAccountInputValidator : AbstractValidator<IStaffAccountInput>
{
    public const string LanguagePattern = "^(ar|fr|en)$";

    public StaffAccountInputValidator()
    {
        RuleFor(a => a.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(a => a.DisplayName).NotEmpty().When(a => string.IsNullOrWhiteSpace(a.DisplayNameAr));
        RuleFor(a => a.DisplayName).MaximumLength(200);
        RuleFor(a => a.DisplayNameAr).MaximumLength(200);
        RuleFor(a => a.PreferredLanguage).Matches(LanguagePattern).When(a => a.PreferredLanguage is not null);
        RuleFor(a => a.Roles).NotEmpty();
        RuleForEach(a => a.Roles).IsInEnum();
        RuleFor(a => a.Provinces).Must(p => p is { Count: > 0 })
            .When(a => a.Roles?.Contains(StaffRole.Officer) == true)
            .WithMessage(_ => AccountTexts.OfficerNeedsProvince.ToString());
        RuleFor(a => a.Provinces).Must(p => p is null || p.Count <= 100);
        RuleForEach(a => a.Provinces).NotEmpty().ProvinceCode();
        RuleFor(a => a.MentorId).NotEqual(Guid.Empty);
    }
}
