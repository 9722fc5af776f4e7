using BuildingBlocks.Domain;

namespace Applicants.Domain.Persons.Rules;

/// <summary>A person is known by first and last name in Latin letters, in Arabic, or both.</summary>
public sealed class PersonMustBeNamedRule(PersonDetails details) : IBusinessRule
{
    public string Code => "person.must-be-named";

    public LocalizedText Message => new(
        "A person needs a first and a last name in Latin letters or in Arabic.",
        "Une personne doit avoir un prénom et un nom en lettres latines ou en arabe.",
        "يجب أن يكون للشخص اسم شخصي واسم عائلي بالحروف اللاتينية أو بالعربية.");

    public bool IsBroken() =>
        !(Given(details.FirstName) && Given(details.LastName)) && !(Given(details.FirstNameAr) && Given(details.LastNameAr));

    private static bool Given(string? name) => !string.IsNullOrWhiteSpace(name);
}

/// <summary>"Other" is a category only with a word on what it is.</summary>
public sealed class OtherCategoryMustBeJustifiedRule(PersonDetails details) : IBusinessRule
{
    public string Code => "person.other-category-unjustified";

    public LocalizedText Message => new(
        "The category \"other\" needs a justification.",
        "La catégorie « autre » doit être justifiée.",
        "فئة \"أخرى\" تحتاج إلى تبرير.");

    public bool IsBroken() =>
        details.Categories.Contains(VulnerabilityCategory.Other) && string.IsNullOrWhiteSpace(details.OtherCategoryJustification);
}

/// <summary>
/// Nobody's data is processed without their consent (law 09-08): the date they gave it is known,
/// and it is not after the registration.
/// </summary>
public sealed class ConsentMustPrecedeRegistrationRule(DateOnly consentedOn, DateOnly today) : IBusinessRule
{
    public string Code => "person.consent-in-future";

    public LocalizedText Message => new(
        "The person cannot have consented after today.",
        "La personne ne peut pas avoir consenti après aujourd'hui.",
        "لا يمكن أن تكون موافقة الشخص بعد اليوم.");

    public bool IsBroken() => consentedOn > today;
}

/// <summary>A birth date is in the past.</summary>
public sealed class BirthDateMustBePastRule(DateOnly birthDate, DateOnly today) : IBusinessRule
{
    public string Code => "person.birth-date-in-future";

    public LocalizedText Message => new(
        "The birth date is in the future.",
        "La date de naissance est dans le futur.",
        "تاريخ الازدياد في المستقبل.");

    public bool IsBroken() => birthDate >= today;
}

/// <summary>A registration already retired into another is merged no further, and nothing merges into it.</summary>
public sealed class PersonMustNotBeMergedRule(Person person) : IBusinessRule
{
    public string Code => "person.already-merged";

    public LocalizedText Message => new(
        "This person's registration has already been merged into another.",
        "L'enregistrement de cette personne a déjà été fusionné avec un autre.",
        "سبق دمج تسجيل هذا الشخص في تسجيل آخر.");

    public bool IsBroken() => person.MergedIntoId is not null;
}
