using Mediator;

namespace Partnerships.Contracts;

/// <summary>
/// The partners among these ids, for modules that name one (a programme's funders, a mentor's
/// organisation, a referral's partner). An id that names no partner is simply absent from the answer.
/// </summary>
public sealed record FindPartnersQuery(IReadOnlyCollection<Guid> PartnerIds) : IQuery<IReadOnlyList<PartnerInfo>>;

/// <summary>A partner as other modules see it.</summary>
/// <param name="PartnerId">The partner.</param>
/// <param name="Name">Its name in Latin letters, when it has one.</param>
/// <param name="NameAr">Its name in Arabic, when it has one.</param>
/// <param name="Type">Its type by name (<c>PublicAgency</c>, <c>Association</c>, <c>Bank</c>…).</param>
/// <param name="ProvinceCode">Its province for a local partner; null for a national one.</param>
public sealed record PartnerInfo(Guid PartnerId, string? Name, string? NameAr, string Type, string? ProvinceCode);
