using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.GetPartners;

internal sealed class GetPartnersQueryHandler(IPartnershipsDbContext db)
    : IQueryHandler<GetPartnersQuery, PagedResult<PartnerDto>>
{
    internal static readonly SortMap<Partner> Sorts = new SortMap<Partner>()
        .Add("name", p => p.NameKey)
        .Add("type", p => p.Type)
        .Add("provinceCode", p => p.ProvinceCode)
        .Add("registeredOn", p => p.RegisteredOn)
        .TieBreaker(p => p.Id);

    public async ValueTask<PagedResult<PartnerDto>> Handle(GetPartnersQuery query, CancellationToken cancellationToken)
    {
        var partners = db.Partners.AsNoTracking();
        if (query.Type is { } type)
        {
            partners = partners.Where(p => p.Type == type);
        }

        if (query.ProvinceCode is { } province)
        {
            partners = partners.Where(p => p.ProvinceCode == province);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Latin names are matched on the folded key (case and accents ignored), Arabic names as written.
            var folded = $"%{Escape(Partner.KeyOf(query.Q, null))}%";
            var raw = $"%{Escape(query.Q.Trim())}%";
            partners = partners.Where(p =>
                EF.Functions.Like(p.NameKey, folded, "\\")
                || EF.Functions.Like(p.NameAr ?? string.Empty, raw, "\\")
                || EF.Functions.Like(p.Acronym ?? string.Empty, folded, "\\"));
        }

        return await Sorts.Apply(partners, query.Sort, "name")
            .ProjectToDto()
            .ToPageAsync(query, cancellationToken);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
