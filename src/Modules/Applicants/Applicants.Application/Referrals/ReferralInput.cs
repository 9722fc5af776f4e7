using Applicants.Application.Applications;
using Applicants.Application.Persons;
using Applicants.Domain.Applications;
using Applicants.Domain.Persons;
using BuildingBlocks.Contracts;
using FluentValidation;

namespace Applicants.Application.Referrals;

/// <summary>What a partner's system sends when it refers a candidate: the person, and their project.</summary>
public interface IReferralInput
{
    /// <summary>The candidate, as the partner registered them, with their consent (law 09-08). A person the agency already knows by this CIN keeps their record: the names and birth date must then match it.</summary>
    ReferredPerson? Person { get; }

    /// <summary>The candidate's project, as it applies to a programme.</summary>
    ReferredProject? Project { get; }
}

/// <summary>The referred person; the same fields and rules as a staff registration (POST /api/v1/applicants).</summary>
public sealed record ReferredPerson(
    string? Cin,
    string? FirstName,
    string? LastName,
    string? FirstNameAr,
    string? LastNameAr,
    Sex? Sex,
    DateOnly? BirthDate,
    string? Phone,
    string? Email,
    string? CommuneCode,
    EducationLevel? EducationLevel,
    int? HouseholdSize,
    Disability? Disability,
    IReadOnlyList<VulnerabilityCategory>? Categories,
    string? OtherCategoryJustification,
    EmploymentStatus? EmploymentStatus,
    DateOnly? ConsentedOn) : IPersonInput, IApiExample<ReferredPerson>
{
    public static ReferredPerson Example { get; } = new(
        "SH73451",
        "Lalla Fatimetou",
        "Mint Sidi",
        "للا فاطمتو",
        "منت سيدي",
        Domain.Persons.Sex.Female,
        new DateOnly(1988, 2, 9),
        "0661 45 78 90",
        null,
        "12.391.01.01",
        Domain.Persons.EducationLevel.LowerSecondary,
        4,
        Domain.Persons.Disability.None,
        [VulnerabilityCategory.WomanInDifficultSituation],
        null,
        Domain.Persons.EmploymentStatus.Unemployed,
        new DateOnly(2026, 11, 18));
}

/// <summary>The referred candidate's project. Amounts in MAD, at most two decimals.</summary>
public sealed record ReferredProject(
    Guid? ProgrammeId,
    string? Title,
    Sector? Sector,
    string? CommuneCode,
    string? Description,
    decimal? EstimatedTotalCost,
    decimal? RequestedAmount,
    decimal? OwnContribution,
    int? ExpectedJobs) : IProjectInput, IApiExample<ReferredProject>
{
    public static ReferredProject Example { get; } = new(
        ApplicationDto.Example.ProgrammeId,
        "Atelier de couture et de broderie sahraouie à Dakhla",
        Domain.Applications.Sector.Crafts,
        "12.391.01.01",
        "Deux machines à coudre, une brodeuse et le tissu de trois mois pour confectionner des melhfas vendues aux boutiques du centre-ville.",
        48_000.00m,
        40_000.00m,
        8_000.00m,
        2);
}

internal sealed class ReferralInputValidator : AbstractValidator<IReferralInput>
{
    public ReferralInputValidator()
    {
        RuleFor(r => r.Person).NotNull().SetValidator(new PersonInputValidator()!);
        RuleFor(r => r.Project).NotNull().SetValidator(new ProjectInputValidator()!);
    }
}
