using Applicants.Domain.Persons.Events;
using Applicants.Domain.Persons.Rules;
using BuildingBlocks.Domain;

namespace Applicants.Domain.Persons;

/// <summary>
/// A project holder: someone who applies alone or as a member of a group. Known by a CIN, which no
/// two persons share. Belongs to the province of the commune they live in, so that a provincial
/// Officer reads and changes the persons of his provinces only.
/// </summary>
public sealed class Person : AggregateRoot<PersonId>, IProvinceScoped
{
    private Person()
    {
        CommuneCode = ProvinceCode = NameKey = string.Empty;
    }

    public Cin Cin { get; private set; }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public string? FirstNameAr { get; private set; }

    public string? LastNameAr { get; private set; }

    /// <summary>
    /// Both scripts' full names folded by <see cref="NormalisedName"/>, Latin then Arabic: what
    /// duplicate detection compares, whatever the spelling.
    /// </summary>
    public string NameKey { get; private set; }

    /// <summary>
    /// What name search finds the person by (<see cref="NormalisedName.Tokens"/> of each script's
    /// full name): a search matches when each of its words is one of them.
    /// </summary>
    public IReadOnlyList<string> NameTokens { get; private set; } = [];

    public Sex Sex { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public MoroccanPhone Phone { get; private set; }

    public string? Email { get; private set; }

    public string CommuneCode { get; private set; }

    /// <summary>The province of <see cref="CommuneCode"/>: the one the province rule reads.</summary>
    public string ProvinceCode { get; private set; }

    public EducationLevel EducationLevel { get; private set; }

    public int HouseholdSize { get; private set; }

    public Disability Disability { get; private set; }

    public IReadOnlyList<VulnerabilityCategory> Categories { get; private set; } = [];

    public string? OtherCategoryJustification { get; private set; }

    public EmploymentStatus EmploymentStatus { get; private set; }

    /// <summary>The day the person consented to the processing of their data (law 09-08).</summary>
    public DateOnly ConsentedOn { get; private set; }

    public DateTimeOffset RegisteredOn { get; private set; }

    public DateTimeOffset UpdatedOn { get; private set; }

    /// <summary>
    /// Set when a staff member confirmed that this registration was a duplicate of an earlier one:
    /// the person is that one, and this record stays only as a trace (out of search and lists).
    /// </summary>
    public PersonId? MergedIntoId { get; private set; }

    public static Person Register(PersonDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var person = new Person { Id = PersonId.New(), RegisteredOn = now };
        person.Apply(details, now);
        person.Raise(new PersonRegisteredDomainEvent(
            person.Id, person.Sex, person.BirthDate, person.Disability, person.Categories, person.CommuneCode, person.ProvinceCode, now));
        return person;
    }

    public void Update(PersonDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, now);
        Raise(new PersonUpdatedDomainEvent(Id, Sex, BirthDate, Disability, Categories, CommuneCode, ProvinceCode, now));
    }

    /// <summary>Retires this registration into <paramref name="earlier"/>, the record of the same person that stays.</summary>
    public void MergeInto(Person earlier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        CheckRule(new PersonMustNotBeMergedRule(this));
        CheckRule(new PersonMustNotBeMergedRule(earlier));
        MergedIntoId = earlier.Id;
        UpdatedOn = now;
        Raise(new PersonMergedDomainEvent(Id, earlier.Id, now));
    }

    private void Apply(PersonDetails details, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        CheckRule(new PersonMustBeNamedRule(details));
        CheckRule(new OtherCategoryMustBeJustifiedRule(details));
        CheckRule(new BirthDateMustBePastRule(details.BirthDate, today));
        CheckRule(new ConsentMustPrecedeRegistrationRule(details.ConsentedOn, today));
        Cin = details.Cin;
        FirstName = Clean(details.FirstName);
        LastName = Clean(details.LastName);
        FirstNameAr = Clean(details.FirstNameAr);
        LastNameAr = Clean(details.LastNameAr);
        NameKey = $"{NormalisedName.Of($"{FirstName} {LastName}")} {NormalisedName.Of($"{FirstNameAr} {LastNameAr}")}".Trim();
        NameTokens = [.. NormalisedName.Tokens($"{FirstName} {LastName}").Union(NormalisedName.Tokens($"{FirstNameAr} {LastNameAr}"), StringComparer.Ordinal)];
        Sex = details.Sex;
        BirthDate = details.BirthDate;
        Phone = details.Phone;
        Email = Clean(details.Email)?.ToLowerInvariant();
        CommuneCode = details.CommuneCode;
        ProvinceCode = details.ProvinceCode;
        EducationLevel = details.EducationLevel;
        HouseholdSize = details.HouseholdSize;
        Disability = details.Disability;
        Categories = [.. details.Categories.Distinct().Order()];
        OtherCategoryJustification = Categories.Contains(VulnerabilityCategory.Other) ? Clean(details.OtherCategoryJustification) : null;
        EmploymentStatus = details.EmploymentStatus;
        ConsentedOn = details.ConsentedOn;
        UpdatedOn = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
