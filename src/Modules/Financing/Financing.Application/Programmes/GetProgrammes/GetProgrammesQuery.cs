using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.GetProgrammes;

/// <summary>
/// Programmes, filtered by status, province and a text (<c>q</c>) found in the code or either
/// name; sorted by <c>code</c>, <c>startsOn</c> or <c>createdOn</c>.
/// </summary>
/// <param name="Status">Only programmes in this status.</param>
/// <param name="ProvinceCode">Only programmes covering this province or prefecture (HCP code, e.g. 03.531); nationwide programmes are included.</param>
/// <param name="Q">Text found in the code or in the French or Arabic name, ignoring case.</param>
/// <param name="Sort">Comma-separated fields among code, startsOn and createdOn, each prefixed by - for descending order; by -startsOn when left out.</param>
public sealed record GetProgrammesQuery(
    ProgrammeStatus? Status,
    string? ProvinceCode,
    string? Q,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<ProgrammeDto>>, IPagedQuery;

internal sealed class GetProgrammesQueryValidator : AbstractValidator<GetProgrammesQuery>
{
    public GetProgrammesQueryValidator()
    {
        this.RulesForPaging(GetProgrammesQueryHandler.Sorts);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.ProvinceCode).ProvinceCode();
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

internal sealed class GetProgrammesQueryHandler(IFinancingDbContext db) : IQueryHandler<GetProgrammesQuery, PagedResult<ProgrammeDto>>
{
    internal static readonly SortMap<Programme> Sorts = new SortMap<Programme>()
        .Add("code", p => p.Code)
        .Add("startsOn", p => p.StartsOn)
        .Add("createdOn", p => p.CreatedOn)
        .TieBreaker(p => p.Id);

    public async ValueTask<PagedResult<ProgrammeDto>> Handle(GetProgrammesQuery query, CancellationToken cancellationToken)
    {
        var programmes = db.Programmes.AsNoTracking();
        if (query.Status is { } status)
        {
            programmes = programmes.Where(p => p.Status == status);
        }

        if (query.ProvinceCode is { } province)
        {
            programmes = programmes.Where(p => p.ProvinceCodes.Count == 0 || p.ProvinceCodes.Contains(province));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = $"%{Escape(query.Q.Trim().ToUpperInvariant())}%";
            programmes = programmes.Where(p =>
                EF.Functions.Like(p.Code, text, "\\") || EF.Functions.Like(p.NameFr.ToUpper(), text, "\\") || EF.Functions.Like(p.NameAr, text, "\\"));
        }

        return await Sorts.Apply(programmes, query.Sort, "-startsOn")
            .ProjectToDto()
            .ToPageAsync(query, cancellationToken);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
