using Applicants.Application.Abstractions;
using Applicants.Domain.Geography;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Geography.GetRegions;

/// <summary>Morocco's twelve regions; sorted by <c>code</c> (the default), <c>nameFr</c> or <c>nameAr</c>.</summary>
/// <param name="Sort">Comma-separated fields among code, nameFr and nameAr, each prefixed by - for descending order; by code when left out.</param>
public sealed record GetRegionsQuery(
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<RegionDto>>, IPagedQuery;

internal sealed class GetRegionsQueryValidator : AbstractValidator<GetRegionsQuery>
{
    public GetRegionsQueryValidator() => this.RulesForPaging(GetRegionsQueryHandler.Sorts);
}

internal sealed class GetRegionsQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetRegionsQuery, PagedResult<RegionDto>>
{
    internal static readonly SortMap<Region> Sorts = new SortMap<Region>()
        .Add("code", r => r.Code)
        .Add("nameFr", r => r.NameFr)
        .Add("nameAr", r => r.NameAr)
        .TieBreaker(r => r.Code);

    public async ValueTask<PagedResult<RegionDto>> Handle(GetRegionsQuery query, CancellationToken cancellationToken) =>
        await Sorts.Apply(db.Regions.AsNoTracking(), query.Sort, "code")
            .ProjectToDto()
            .ToPageAsync(query, cancellationToken);
}
