using BuildingBlocks.Application.Validation;
using FluentValidation;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners;

/// <summary>What a staff member states about a partner, in registration and in correction alike.</summary>
public interface IPartnerInput
{
    /// <summary>The organisation's name in Latin script, as on its statutes; required unless `nameAr` is given.</summary>
    string? Name { get; }

    /// <summary>The organisation's name in Arabic script; required unless `name` is given. Both are searched by `q`.</summary>
    string? NameAr { get; }

    /// <summary>The short name the organisation goes by (e.g. ANAPEC, AFT).</summary>
    string? Acronym { get; }

    /// <summary>The kind of organisation.</summary>
    PartnerType? Type { get; }

    /// <summary>The province or prefecture the partner works in (HCP code, e.g. 03.531 for Taounate); leave it out for a national partner, which only a ProgramManager or an Admin may register.</summary>
    string? ProvinceCode { get; }

    /// <summary>The address the agency writes to about conventions; optional.</summary>
    string? ContactEmail { get; }

    /// <summary>The partner's telephone number, digits with an optional leading `+`, spaces, dashes or brackets; optional.</summary>
    string? ContactPhone { get; }
}

internal static class PartnerInput
{
    /// <summary>Official province or prefecture code: two digits, a dot, three digits (e.g. 03.531).</summary>
    public const string ProvinceCodePattern = ProvinceCodes.Pattern;

    public static PartnerDetails ToDetails(this IPartnerInput input) =>
        new(input.Name, input.NameAr, input.Acronym, input.Type!.Value, input.ProvinceCode, input.ContactEmail, input.ContactPhone);
}

/// <summary>The shape of a partner's details; included by the registration and update validators.</summary>
internal sealed class PartnerInputValidator : AbstractValidator<IPartnerInput>
{
    public PartnerInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().When(p => string.IsNullOrWhiteSpace(p.NameAr));
        RuleFor(p => p.Name).MaximumLength(200);
        RuleFor(p => p.NameAr).MaximumLength(200);
        RuleFor(p => p.Acronym).MaximumLength(30);
        RuleFor(p => p.Type).NotNull().IsInEnum();
        RuleFor(p => p.ProvinceCode).Matches(PartnerInput.ProvinceCodePattern).When(p => p.ProvinceCode is not null);
        RuleFor(p => p.ContactEmail).EmailAddress().MaximumLength(256).When(p => !string.IsNullOrEmpty(p.ContactEmail));
        RuleFor(p => p.ContactPhone).Matches(@"^\+?[0-9 ()-]{6,20}$").When(p => !string.IsNullOrEmpty(p.ContactPhone));
    }
}
