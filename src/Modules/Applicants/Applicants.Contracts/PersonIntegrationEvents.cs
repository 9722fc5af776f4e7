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

/// <summary>
/// A group (cooperative or association) was registered. Carries its members' person ids, so that
/// beneficiaries are counted through the persons already told by <see cref="PersonRegisteredIntegrationEvent"/>,
/// and where it is; never its members' identities. <c>LegalForm</c> travels by name (Cooperative, Association).
/// </summary>
[IntegrationEventName("applicants.group-registered", 1)]
[NoSubscribers("Reporting counts groups and their beneficiaries in a later issue.")]
public sealed record GroupRegisteredIntegrationEvent(
    Guid GroupId,
    string LegalForm,
    string CommuneCode,
    string ProvinceCode,
    IReadOnlyList<Guid> MemberIds,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>A group's details or members were corrected; carries the values after the change, as <see cref="GroupRegisteredIntegrationEvent"/>.</summary>
[IntegrationEventName("applicants.group-updated", 1)]
[NoSubscribers("Reporting counts groups and their beneficiaries in a later issue.")]
public sealed record GroupUpdatedIntegrationEvent(
    Guid GroupId,
    string LegalForm,
    string CommuneCode,
    string ProvinceCode,
    IReadOnlyList<Guid> MemberIds,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);
