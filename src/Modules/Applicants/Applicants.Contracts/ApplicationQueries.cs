using Mediator;

namespace Applicants.Contracts;

/// <summary>
/// What a selection committee needs to know of an application; null when there is none. Financing
/// reads it when an application is put on an agenda and when a decision is recorded.
/// </summary>
public sealed record GetApplicationForDecisionQuery(Guid ApplicationId) : IQuery<ApplicationForDecision?>;

/// <summary>
/// A programme's applications that are eligible and wait for a committee's decision, oldest
/// submission first, within the caller's provinces: what a committee's agenda is drawn from.
/// </summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Limit">At most this many (1–1,000).</param>
public sealed record FindApplicationsAwaitingDecisionQuery(Guid ProgrammeId, int Limit = 200) : IQuery<IReadOnlyList<ApplicationForDecision>>;

/// <summary>An application as Financing sees it. Amounts in MAD with two decimals.</summary>
/// <param name="ApplicationId">The application, which is also the project's id in every module.</param>
/// <param name="ProgrammeId">The programme it applies to.</param>
/// <param name="HolderKind"><c>Person</c> or <c>Group</c>.</param>
/// <param name="HolderId">The person's or the group's id.</param>
/// <param name="Title">The project's title.</param>
/// <param name="Sector">By name: <c>Agriculture</c>, <c>Livestock</c>, <c>Fishing</c>, <c>Crafts</c>, <c>AgriFood</c>, <c>Commerce</c>, <c>Services</c>, <c>Tourism</c>, <c>Other</c>.</param>
/// <param name="CommuneCode">Where the project is (HCP commune code).</param>
/// <param name="ProvinceCode">Its province (HCP code).</param>
/// <param name="EstimatedTotalCost">The project's estimated total cost.</param>
/// <param name="RequestedAmount">What the holder asks for.</param>
/// <param name="OwnContribution">What the holder brings.</param>
/// <param name="Stage">The application's stage by name (<c>Submitted</c>, <c>Eligible</c>, <c>Ineligible</c>, <c>Approved</c>…).</param>
/// <param name="ReferringPartnerId">The partner that referred it, when it came through a partner referral.</param>
public sealed record ApplicationForDecision(
    Guid ApplicationId,
    Guid ProgrammeId,
    string HolderKind,
    Guid HolderId,
    string Title,
    string Sector,
    string CommuneCode,
    string ProvinceCode,
    decimal EstimatedTotalCost,
    decimal RequestedAmount,
    decimal OwnContribution,
    string Stage,
    Guid? ReferringPartnerId);
