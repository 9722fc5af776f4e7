using Applicants.Application.Abstractions;
using Applicants.Domain.Geography;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Geography.GetProvinces;

/// <summary>Provinces and prefectures, of one region or of all; sorted by <c>code</c> (the default), <c>nameFr</c> or <c>nameAr</c>.</summary>
/// <param name="Region">Only those of this region (HCP code, e.g. 03 for Fès-Meknès).</param>
/// <param name="Kind">Only provinces, or only prefectures.</param>
/// <param name="Sort">Comma-separated fields among code, nameFr and nameAr, each prefixed by - for descending order; by code when left out.</param>
public sealed record GetProvincesQuery(
    string? Region,
    ProvinceKind? Kind,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<ProvinceDto>>, IPagedQuery;

internal sealed class GetProvincesQueryValidator : AbstractValidator<GetProvincesQuery>
{
    public GetProvincesQueryValidator()
    {
        this.RulesForPaging(GetProvincesQueryHandler.Sorts);
        RuleFor(q => q.Region).Matches(GeographyCodes.RegionPattern);
        RuleFor(q => q.Kind).IsInEnum();
    }
}

internal sealed class GetProvincesQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetProvincesQuery, PagedResult<ProvinceDto>>
{
    internal static readonly SortMap<Province> Sorts = new SortMap<Province>()
        .Add("code", p => p.Code)
        .Add("nameFr", p => p.NameFr)
        .Add("nameAr", p => p.NameAr)
        .TieBreaker(p => p.Code);

    public async ValueTask<PagedResult<ProvinceDto>> Handle(GetProvincesQuery query, CancellationToken cancellationToken)
    {
        var provinces = db.Provinces.AsNoTracking();
        if (query.Region is { } region)
        {
            provinces = provinces.Where(p => p.RegionCode == region);
        }

        if (query.Kind is { } kind)
        {
            provinces = provinces.Where(p => p.Kind == kind);
        }

        return await Sorts.Apply(provinces, query.Sort, "code").ProjectToDto().ToPageAsync(query, cancellationToken);
    }
}
