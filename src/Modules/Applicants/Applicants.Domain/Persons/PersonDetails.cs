namespace Applicants.Domain.Persons;

/// <summary>What a staff member states about a person, when registering or correcting it.</summary>
public sealed record PersonDetails(
    Cin Cin,
    string? FirstName,
    string? LastName,
    string? FirstNameAr,
    string? LastNameAr,
    Sex Sex,
    DateOnly BirthDate,
    MoroccanPhone Phone,
    string? Email,
    string CommuneCode,
    string ProvinceCode,
    EducationLevel EducationLevel,
    int HouseholdSize,
    Disability Disability,
    IReadOnlyCollection<VulnerabilityCategory> Categories,
    string? OtherCategoryJustification,
    EmploymentStatus EmploymentStatus,
    DateOnly ConsentedOn);
