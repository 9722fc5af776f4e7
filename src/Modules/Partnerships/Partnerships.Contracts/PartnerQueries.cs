using Mediator;

namespace Partnerships.Contracts;

/// <summary>
/// The partners among these ids, for modules that name one (a programme's funders, a mentor's
/// organisation, a referral's partner). An id that names no partner is simply absent from the answer.
/// </summary>
public sealed record FindPartnersQuery(IReadOnlyCollection<Guid> PartnerIds) : IQuery<IReadOnlyList<PartnerInfo>>;

/// <summary>
/// The partners known by one of these names: an acronym (<c>INDH</c>, <c>ADS</c>), a name in Latin
/// letters or in Arabic, compared without regard to case. For a module that refers to a partner
/// by name where no id is at hand (demo data, an imported file); a name that matches nothing is
/// simply absent from the answer.
/// </summary>
public sealed record FindPartnersByNameQuery(IReadOnlyCollection<string> Names) : IQuery<IReadOnlyList<PartnerInfo>>;

/// <summary>A partner as other modules see it.</summary>
/// <param name="PartnerId">The partner.</param>
/// <param name="Name">Its name in Latin letters, when it has one.</param>
/// <param name="NameAr">Its name in Arabic, when it has one.</param>
/// <param name="Type">Its type by name (<c>PublicAgency</c>, <c>Association</c>, <c>Bank</c>…).</param>
/// <param name="ProvinceCode">Its province for a local partner; null for a national one.</param>
/// <param name="Acronym">Its acronym, when it has one (<c>INDH</c>, <c>ATPE</c>).</param>
public sealed record PartnerInfo(Guid PartnerId, string? Name, string? NameAr, string Type, string? ProvinceCode, string? Acronym = null);
