using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using Mediator;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.GetPartners;

/// <summary>
/// Partners, filtered by type, province and a text (<c>q</c>) matched against either script's name
/// and the acronym; sorted by <c>name</c>, <c>type</c>, <c>provinceCode</c> or <c>registeredOn</c>.
/// </summary>
/// <param name="Type">Only partners of this kind.</param>
/// <param name="ProvinceCode">Only partners of this province or prefecture (HCP code, e.g. 03.531); national partners are left out.</param>
/// <param name="Q">Text found in the Latin or the Arabic name or in the acronym, ignoring case and Arabic diacritics.</param>
/// <param name="Sort">Comma-separated fields among name, type, provinceCode and registeredOn, each prefixed by - for descending order (e.g. -registeredOn,name); by name when left out.</param>
public sealed record GetPartnersQuery(
    PartnerType? Type,
    string? ProvinceCode,
    string? Q,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<PartnerDto>>, IPagedQuery;
