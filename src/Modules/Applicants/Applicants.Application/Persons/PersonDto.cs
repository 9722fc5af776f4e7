using Applicants.Application.Duplicates;
using Applicants.Domain.Persons;
using BuildingBlocks.Contracts;

namespace Applicants.Application.Persons;

/// <summary>A person as the API shows it. <c>version</c> is sent back on update (optimistic concurrency).</summary>
public sealed record PersonDto : IApiExample<PersonDto>
{
    /// <summary>The person's id, in the paths of their operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The national identity card number, upper-case.</summary>
    public required string Cin { get; init; }

    /// <summary>The first name in Latin letters; null when only the Arabic names are known.</summary>
    public string? FirstName { get; init; }

    /// <summary>The family name in Latin letters; null when only the Arabic names are known.</summary>
    public string? LastName { get; init; }

    /// <summary>The first name in Arabic script; null when only the Latin names are known.</summary>
    public string? FirstNameAr { get; init; }

    /// <summary>The family name in Arabic script; null when only the Latin names are known.</summary>
    public string? LastNameAr { get; init; }

    /// <summary>Sex, as on the CIN.</summary>
    public Sex Sex { get; init; }

    /// <summary>The date of birth.</summary>
    public DateOnly BirthDate { get; init; }

    /// <summary>The telephone number, +212 and nine digits.</summary>
    public required string Phone { get; init; }

    /// <summary>The email address; null when none was given.</summary>
    public string? Email { get; init; }

    /// <summary>The commune the person lives in (HCP code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The province or prefecture of that commune (HCP code): the one a provincial Officer must work on to see the person.</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>The highest level of education reached.</summary>
    public EducationLevel EducationLevel { get; init; }

    /// <summary>How many people live in the household, the person included.</summary>
    public int HouseholdSize { get; init; }

    /// <summary>The disability the person lives with, None when none.</summary>
    public Disability Disability { get; init; }

    /// <summary>The vulnerable groups the person belongs to.</summary>
    public required IReadOnlyList<VulnerabilityCategory> Categories { get; init; }

    /// <summary>What the "Other" category stands for; null unless `categories` holds Other.</summary>
    public string? OtherCategoryJustification { get; init; }

    /// <summary>What the person does for a living when registered.</summary>
    public EmploymentStatus EmploymentStatus { get; init; }

    /// <summary>The day the person consented to the processing of their data (law 09-08).</summary>
    public DateOnly ConsentedOn { get; init; }

    /// <summary>When the person was registered, in Moroccan time with its offset.</summary>
    public DateTimeOffset RegisteredOn { get; init; }

    /// <summary>When the person's details last changed, in Moroccan time with its offset.</summary>
    public DateTimeOffset UpdatedOn { get; init; }

    /// <summary>Set when staff confirmed this registration duplicated an earlier one: the id of the person record that stays. Such a record is out of search.</summary>
    public Guid? MergedIntoId { get; init; }

    /// <summary>The persons this one likely duplicates, or is likely duplicated by, still to be merged or dismissed (GET /api/v1/duplicates); only on registration and when reading one person, null in lists.</summary>
    public IReadOnlyList<PossibleDuplicateDto>? PossibleDuplicates { get; init; }

    /// <summary>The version to send back with a correction (optimistic concurrency): it changes with every change.</summary>
    public uint Version { get; init; }

    public static PersonDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac2a1-3f7e-7b21-8c4d-1a2b3c4d5e6f"),
        Cin = "CD123456",
        FirstName = "Fatima Zahra",
        LastName = "El Amrani",
        FirstNameAr = "فاطمة الزهراء",
        LastNameAr = "العمراني",
        Sex = Sex.Female,
        BirthDate = new DateOnly(1991, 4, 17),
        Phone = "+212661234567",
        Email = null,
        CommuneCode = "03.531.01.01",
        ProvinceCode = "03.531",
        EducationLevel = EducationLevel.Primary,
        HouseholdSize = 5,
        Disability = Disability.None,
        Categories = [VulnerabilityCategory.WomanInDifficultSituation, VulnerabilityCategory.RuralYouth],
        OtherCategoryJustification = null,
        EmploymentStatus = EmploymentStatus.Unemployed,
        ConsentedOn = new DateOnly(2026, 11, 20),
        RegisteredOn = new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.FromHours(1)),
        UpdatedOn = new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.FromHours(1)),
        MergedIntoId = null,
        PossibleDuplicates = [PossibleDuplicateDto.Example],
        Version = 3,
    };
}
