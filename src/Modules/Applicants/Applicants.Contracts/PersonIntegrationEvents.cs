using BuildingBlocks.Contracts;

namespace Applicants.Contracts;

/// <summary>
/// A person (a project holder) was registered. Carries what beneficiary counts need — sex, birth
/// date, disability, vulnerable groups and where they live — and nothing that identifies them
/// (no name, CIN or phone: law 09-08). Enums travel by name (<c>Female</c>, <c>RuralYouth</c>).
/// </summary>
[IntegrationEventName("applicants.person-registered", 1)]
[NoSubscribers("Reporting counts beneficiaries by sex, age and category in a later issue.")]
public sealed record PersonRegisteredIntegrationEvent(
    Guid PersonId,
    string Sex,
    DateOnly BirthDate,
    string Disability,
    IReadOnlyList<string> Categories,
    string CommuneCode,
    string ProvinceCode,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>A person's details were corrected; carries the values after the change, as <see cref="PersonRegisteredIntegrationEvent"/>.</summary>
[IntegrationEventName("applicants.person-updated", 1)]
[NoSubscribers("Reporting counts beneficiaries by sex, age and category in a later issue.")]
public sealed record PersonUpdatedIntegrationEvent(
    Guid PersonId,
    string Sex,
    DateOnly BirthDate,
    string Disability,
    IReadOnlyList<string> Categories,
    string CommuneCode,
    string ProvinceCode,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>
/// A registration was confirmed by staff to be a duplicate of an earlier one and retired into it:
/// counts of beneficiaries drop <c>PersonId</c> and keep <c>MergedIntoId</c>.
/// </summary>
[IntegrationEventName("applicants.person-merged", 1)]
[NoSubscribers("Reporting counts beneficiaries in a later issue.")]
public sealed record PersonMergedIntegrationEvent(
    Guid PersonId,
    Guid MergedIntoId,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);
