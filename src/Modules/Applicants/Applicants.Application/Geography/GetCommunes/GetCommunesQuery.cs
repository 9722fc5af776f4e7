using Applicants.Application.Abstractions;
using Applicants.Domain.Geography;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Geography.GetCommunes;

/// <summary>Communes, of one province or of all, optionally urban or rural only or matching a name; sorted by <c>code</c> (the default), <c>nameFr</c> or <c>nameAr</c>.</summary>
/// <param name="Province">Only those of this province or prefecture (HCP code, e.g. 03.531 for Taounate).</param>
/// <param name="Kind">Only urban communes (municipalities), or only rural ones.</param>
/// <param name="Q">Text found in the French or the Arabic name, ignoring case.</param>
/// <param name="Sort">Comma-separated fields among code, nameFr and nameAr, each prefixed by - for descending order; by code when left out.</param>
public sealed record GetCommunesQuery(
    string? Province,
    CommuneKind? Kind,
    string? Q,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<CommuneDto>>, IPagedQuery;

internal sealed class GetCommunesQueryValidator : AbstractValidator<GetCommunesQuery>
{
    public GetCommunesQueryValidator()
    {
        this.RulesForPaging(GetCommunesQueryHandler.Sorts);
        RuleFor(q => q.Province).ProvinceCode();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

internal sealed class GetCommunesQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetCommunesQuery, PagedResult<CommuneDto>>
{
    internal static readonly SortMap<Commune> Sorts = new SortMap<Commune>()
        .Add("code", c => c.Code)
        .Add("nameFr", c => c.NameFr)
        .Add("nameAr", c => c.NameAr)
        .TieBreaker(c => c.Code);

    public async ValueTask<PagedResult<CommuneDto>> Handle(GetCommunesQuery query, CancellationToken cancellationToken)
    {
        var communes = db.Communes.AsNoTracking();
        if (query.Province is { } province)
        {
            communes = communes.Where(c => c.ProvinceCode == province);
        }

        if (query.Kind is { } kind)
        {
            communes = communes.Where(c => c.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Arabic has no case; lower() folds the French names only.
            var pattern = $"%{Like.Escape(query.Q.Trim().ToLowerInvariant())}%";
            communes = communes.Where(c => EF.Functions.Like(c.NameFr.ToLower(), pattern, "\\") || EF.Functions.Like(c.NameAr, pattern, "\\"));
        }

        return await Sorts.Apply(communes, query.Sort, "code").ProjectToDto().ToPageAsync(query, cancellationToken);
    }
}
