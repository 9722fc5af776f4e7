using Mediator;

namespace Applicants.Contracts;

/// <summary>
/// The persons among these ids that the caller may read (his provinces), for a module that records
/// something about a project holder (a training's enrolment, a referral). An id that names no
/// person, or one outside the caller's provinces, is absent from the answer; a person merged into
/// another answers with <see cref="PersonInfo.MergedIntoId"/> set, so the caller can follow it.
/// </summary>
public sealed record FindPersonsQuery(IReadOnlyCollection<Guid> PersonIds) : IQuery<IReadOnlyList<PersonInfo>>;

/// <summary>A project holder as other modules see him: enough to show and count, no CIN, phone or email.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="DisplayName">Names in Latin letters when known, otherwise in Arabic (e.g. <c>Fatima Zahra Benali</c>).</param>
/// <param name="Sex"><c>Female</c> or <c>Male</c>.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="CommuneCode">Commune of residence (HCP code).</param>
/// <param name="ProvinceCode">Its province (HCP code).</param>
/// <param name="Categories">Vulnerability categories by name (<c>WomanInDifficulty</c>, <c>RuralYouth</c>…).</param>
/// <param name="MergedIntoId">The record this one was merged into as a duplicate; null for a live record.</param>
public sealed record PersonInfo(
    Guid PersonId,
    string DisplayName,
    string Sex,
    DateOnly BirthDate,
    string CommuneCode,
    string ProvinceCode,
    IReadOnlyList<string> Categories,
    Guid? MergedIntoId);
