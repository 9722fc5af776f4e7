using Mediator;

namespace Financing.Contracts;

/// <summary>
/// A programme's eligibility rules as Applicants checks an application against them; null when
/// no programme has this id. Read at the moment of the check, so a rule changed afterwards does
/// not rewrite an assessment already made.
/// </summary>
public sealed record GetProgrammeRulesQuery(Guid ProgrammeId) : IQuery<ProgrammeRules?>;

/// <summary>
/// A programme's rules by its code (e.g. <c>INDH-AGR-TAOUNATE-2024</c>, compared without regard to
/// case); null when no programme has it. For a module that refers to a programme by code where no
/// id is at hand: an imported file, a partner's referral, demo data.
/// </summary>
public sealed record FindProgrammeByCodeQuery(string Code) : IQuery<ProgrammeRules?>;

/// <summary>The rules a programme sets for the applications it takes.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Code">Its code (e.g. <c>INDH-AGR-TAOUNATE-2024</c>).</param>
/// <param name="NameFr">Its name in French.</param>
/// <param name="NameAr">Its name in Arabic.</param>
/// <param name="Status"><c>Draft</c>, <c>Open</c> or <c>Closed</c>: only an open programme takes applications.</param>
/// <param name="StartsOn">First day applications are taken.</param>
/// <param name="EndsOn">Last day applications are taken.</param>
/// <param name="ProvinceCodes">Provinces covered (HCP codes, e.g. <c>05.531</c>); empty means the whole country.</param>
/// <param name="TargetCategories">Vulnerability categories targeted, by name (<c>WomanInDifficulty</c>, <c>RuralYouth</c>…); empty means anyone.</param>
/// <param name="AllowsIndividuals">Whether a person may apply alone.</param>
/// <param name="AllowsGroups">Whether a cooperative or association may apply.</param>
/// <param name="MinimumAge">Youngest age of a holder on the day of the check, in years; null for none.</param>
/// <param name="MaximumAge">Oldest age of a holder on the day of the check, in years; null for none.</param>
/// <param name="MaximumProjectCost">Highest total cost of a project, in MAD; null for none.</param>
/// <param name="MaximumGrant">Highest grant per project, in MAD; null for none.</param>
/// <param name="OwnContributionRate">Share of the total cost the holder must bring, 0–1 (0.30 unless the programme says otherwise).</param>
public sealed record ProgrammeRules(
    Guid ProgrammeId,
    string Code,
    string NameFr,
    string NameAr,
    string Status,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> ProvinceCodes,
    IReadOnlyList<string> TargetCategories,
    bool AllowsIndividuals,
    bool AllowsGroups,
    int? MinimumAge,
    int? MaximumAge,
    decimal? MaximumProjectCost,
    decimal? MaximumGrant,
    decimal OwnContributionRate);

/// <summary>
/// Which of these holders (person or group ids, as Applicants knows them) already have a financed
/// project in any programme; answers those ids. Applicants flags a new application with it.
/// </summary>
public sealed record FindFinancedHoldersQuery(IReadOnlyCollection<Guid> HolderIds) : IQuery<IReadOnlyCollection<Guid>>;
