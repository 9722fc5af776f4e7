using Applicants.Application.Geography;
using Applicants.Domain.Persons;
using BuildingBlocks.Domain;
using FluentValidation;

namespace Applicants.Application.Persons;

/// <summary>What a staff member states about a person, in registration and in correction alike.</summary>
public interface IPersonInput
{
    /// <summary>The national identity card number (CIN): one or two letters then digits (e.g. AB123456); stored upper-case, unique.</summary>
    string? Cin { get; }

    /// <summary>The first name in Latin letters, as on the CIN; with `lastName`, required unless the Arabic names are given.</summary>
    string? FirstName { get; }

    /// <summary>The family name in Latin letters, as on the CIN; with `firstName`, required unless the Arabic names are given.</summary>
    string? LastName { get; }

    /// <summary>The first name in Arabic script; with `lastNameAr`, required unless the Latin names are given.</summary>
    string? FirstNameAr { get; }

    /// <summary>The family name in Arabic script; with `firstNameAr`, required unless the Latin names are given.</summary>
    string? LastNameAr { get; }

    /// <summary>Sex, as on the CIN.</summary>
    Sex? Sex { get; }

    /// <summary>The date of birth (YYYY-MM-DD), after 1900-01-01 and before today.</summary>
    DateOnly? BirthDate { get; }

    /// <summary>A Moroccan telephone number (e.g. 0661234567, +212 661-234567); stored as +212 and nine digits.</summary>
    string? Phone { get; }

    /// <summary>An email address, when the person has one.</summary>
    string? Email { get; }

    /// <summary>The commune the person lives in (HCP code, e.g. 03.531.01.01): it decides the person's province.</summary>
    string? CommuneCode { get; }

    /// <summary>The highest level of education reached.</summary>
    EducationLevel? EducationLevel { get; }

    /// <summary>How many people live in the household, the person included (1–50).</summary>
    int? HouseholdSize { get; }

    /// <summary>The disability the person lives with, None when none.</summary>
    Disability? Disability { get; }

    /// <summary>The vulnerable groups the person belongs to (none, one or several).</summary>
    IReadOnlyList<VulnerabilityCategory>? Categories { get; }

    /// <summary>What the "Other" category stands for; required when `categories` holds Other.</summary>
    string? OtherCategoryJustification { get; }

    /// <summary>What the person does for a living when registered.</summary>
    EmploymentStatus? EmploymentStatus { get; }

    /// <summary>The day the person consented to the processing of their data (law 09-08); required, not after today.</summary>
    DateOnly? ConsentedOn { get; }
}

internal static class PersonInput
{
    public const int NameLength = 100;

    /// <summary>The oldest birth date the agency records: anyone born earlier is a typing mistake.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static PersonDetails ToDetails(this IPersonInput input, string provinceCode) =>
        new(
            Cin.Parse(input.Cin),
            input.FirstName,
            input.LastName,
            input.FirstNameAr,
            input.LastNameAr,
            input.Sex!.Value,
            input.BirthDate!.Value,
            MoroccanPhone.Parse(input.Phone),
            input.Email,
            input.CommuneCode!,
            provinceCode,
            input.EducationLevel!.Value,
            input.HouseholdSize!.Value,
            input.Disability!.Value,
            input.Categories ?? [],
            input.OtherCategoryJustification,
            input.EmploymentStatus!.Value,
            input.ConsentedOn!.Value);
}

/// <summary>The shape of a person's details; included by the registration and update validators.</summary>
internal sealed class PersonInputValidator : AbstractValidator<IPersonInput>
{
    public PersonInputValidator()
    {
        RuleFor(p => p.Cin).NotEmpty().MaximumLength(12).Matches(Cin.Pattern)
            .WithMessage(_ => new LocalizedText(
                "A CIN is one or two letters followed by digits (e.g. AB123456).",
                "Une CIN est faite d'une ou deux lettres suivies de chiffres (par ex. AB123456).",
                "رقم البطاقة الوطنية حرف أو حرفان متبوعان بأرقام (مثلا AB123456).").ToString());
        RuleFor(p => p.FirstName).NotEmpty().When(p => string.IsNullOrWhiteSpace(p.FirstNameAr) || !string.IsNullOrWhiteSpace(p.LastName));
        RuleFor(p => p.LastName).NotEmpty().When(p => string.IsNullOrWhiteSpace(p.LastNameAr) || !string.IsNullOrWhiteSpace(p.FirstName));
        RuleFor(p => p.FirstNameAr).NotEmpty().When(p => !string.IsNullOrWhiteSpace(p.LastNameAr));
        RuleFor(p => p.LastNameAr).NotEmpty().When(p => !string.IsNullOrWhiteSpace(p.FirstNameAr));
        RuleFor(p => p.FirstName).MaximumLength(PersonInput.NameLength);
        RuleFor(p => p.LastName).MaximumLength(PersonInput.NameLength);
        RuleFor(p => p.FirstNameAr).MaximumLength(PersonInput.NameLength);
        RuleFor(p => p.LastNameAr).MaximumLength(PersonInput.NameLength);
        RuleFor(p => p.Sex).NotNull().IsInEnum();
        RuleFor(p => p.BirthDate).NotNull().GreaterThanOrEqualTo(PersonInput.EarliestBirthDate);
        RuleFor(p => p.Phone).NotEmpty().MaximumLength(25).Must(MoroccanPhone.IsValid)
            .WithMessage(_ => new LocalizedText(
                "Not a Moroccan telephone number (e.g. 0661234567 or +212661234567).",
                "Ce n'est pas un numéro de téléphone marocain (par ex. 0661234567 ou +212661234567).",
                "ليس رقم هاتف مغربيا (مثلا 0661234567 أو +212661234567).").ToString());
        RuleFor(p => p.Email).EmailAddress().MaximumLength(256).When(p => !string.IsNullOrEmpty(p.Email));
        RuleFor(p => p.CommuneCode).NotEmpty().Matches(GeographyCodes.CommunePattern);
        RuleFor(p => p.EducationLevel).NotNull().IsInEnum();
        RuleFor(p => p.HouseholdSize).NotNull().InclusiveBetween(1, 50);
        RuleFor(p => p.Disability).NotNull().IsInEnum();
        RuleFor(p => p.Categories).Must(c => c is null || c.Count <= 6);
        RuleForEach(p => p.Categories).IsInEnum();
        RuleFor(p => p.OtherCategoryJustification).NotEmpty().When(p => p.Categories?.Contains(VulnerabilityCategory.Other) == true);
        RuleFor(p => p.OtherCategoryJustification).MaximumLength(500);
        RuleFor(p => p.EmploymentStatus).NotNull().IsInEnum();
        RuleFor(p => p.ConsentedOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2009, 2, 18));
    }
}
