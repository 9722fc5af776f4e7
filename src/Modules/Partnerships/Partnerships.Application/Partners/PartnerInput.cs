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

    /// <summary>The Identifiant Commun de l'Entreprise: exactly 15 digits; optional (associations often have none).</summary>
    string? Ice { get; }

    /// <summary>The registration the organisation is known by (trade register, ODCO number, association's receipt); optional.</summary>
    string? RegistrationNumber { get; }

    /// <summary>The people the agency deals with at the partner, at most 10; replaces the whole list on correction.</summary>
    IReadOnlyList<PartnerContactInput>? Contacts { get; }

    /// <summary>The provinces or prefectures (HCP codes) where the partner acts, at most 20; replaces the whole list on correction.</summary>
    IReadOnlyList<string>? ProvincesOfAction { get; }
}

/// <summary>A person the agency deals with at a partner.</summary>
/// <param name="Name">The person's name as they write it; required.</param>
/// <param name="Role">What they do for the partner (president, incubation officer…); optional.</param>
/// <param name="Email">Their address; optional.</param>
/// <param name="Phone">Their telephone number, digits with an optional leading `+`, spaces, dashes or brackets; optional.</param>
public sealed record PartnerContactInput(string? Name, string? Role, string? Email, string? Phone);

internal static class PartnerInput
{
    /// <summary>Official province or prefecture code: two digits, a dot, three digits (e.g. 03.531).</summary>
    public const string ProvinceCodePattern = ProvinceCodes.Pattern;

    public static PartnerDetails ToDetails(this IPartnerInput input) =>
        new(
            input.Name,
            input.NameAr,
            input.Acronym,
            input.Type!.Value,
            input.ProvinceCode,
            input.ContactEmail,
            input.ContactPhone,
            input.Ice,
            input.RegistrationNumber,
            input.Contacts?.Select(c => new PartnerContact(c.Name!, c.Role, c.Email, c.Phone)).ToList(),
            input.ProvincesOfAction);

    public const string PhonePattern = @"^\+?[0-9 ()-]{6,20}$";
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
        RuleFor(p => p.ContactPhone).Matches(PartnerInput.PhonePattern).When(p => !string.IsNullOrEmpty(p.ContactPhone));
        RuleFor(p => p.Ice).Matches(@"^[0-9]{15}$").When(p => p.Ice is not null);
        RuleFor(p => p.RegistrationNumber).MaximumLength(50);
        RuleFor(p => p.Contacts).Must(c => c!.Count <= 10).When(p => p.Contacts is not null).WithMessage("At most 10 contacts.");
        RuleForEach(p => p.Contacts).NotNull().SetValidator(new PartnerContactInputValidator());
        RuleFor(p => p.ProvincesOfAction).Must(c => c!.Count <= 20).When(p => p.ProvincesOfAction is not null).WithMessage("At most 20 provinces.");
        RuleForEach(p => p.ProvincesOfAction).NotNull().Matches(PartnerInput.ProvinceCodePattern);
    }
}

internal sealed class PartnerContactInputValidator : AbstractValidator<PartnerContactInput>
{
    public PartnerContactInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Role).MaximumLength(100);
        RuleFor(c => c.Email).EmailAddress().MaximumLength(256).When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.Phone).Matches(PartnerInput.PhonePattern).When(c => !string.IsNullOrEmpty(c.Phone));
    }
}
