using BuildingBlocks.Domain;

namespace Applicants.Domain.Persons.Events;

/// <summary>What Reporting needs of a person to count beneficiaries; never a name, a CIN or a phone.</summary>
public sealed record PersonRegisteredDomainEvent(
    PersonId PersonId,
    Sex Sex,
    DateOnly BirthDate,
    Disability Disability,
    IReadOnlyCollection<VulnerabilityCategory> Categories,
    string CommuneCode,
    string ProvinceCode,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A person's details were corrected; carries the values after the change.</summary>
public sealed record PersonUpdatedDomainEvent(
    PersonId PersonId,
    Sex Sex,
    DateOnly BirthDate,
    Disability Disability,
    IReadOnlyCollection<VulnerabilityCategory> Categories,
    string CommuneCode,
    string ProvinceCode,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A registration was found to be a duplicate and retired into the earlier record of the same person.</summary>
public sealed record PersonMergedDomainEvent(PersonId PersonId, PersonId MergedIntoId, DateTimeOffset OccurredOn) : IDomainEvent;
