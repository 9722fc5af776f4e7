using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using Mediator;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.GetPartners;

/// <summary>
/// Partners, filtered by type, province and a text (<c>q</c>) matched against either script's name
/// and the acronym; sorted by <c>name</c>, <c>type</c>, <c>provinceCode</c> or <c>registeredOn</c>.
/// </summary>
public sealed record GetPartnersQuery(
    PartnerType? Type,
    string? ProvinceCode,
    string? Q,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<PartnerDto>>, IPagedQuery;
