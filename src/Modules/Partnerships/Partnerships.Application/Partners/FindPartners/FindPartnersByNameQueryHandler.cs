using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Contracts;

namespace Partnerships.Application.Partners.FindPartners;

/// <summary>Answers other modules' lookups by name, for any caller, like <see cref="FindPartnersQueryHandler"/>.</summary>
internal sealed class FindPartnersByNameQueryHandler(IPartnershipsDbContext db) : IQueryHandler<FindPartnersByNameQuery, IReadOnlyList<PartnerInfo>>
{
    public async ValueTask<IReadOnlyList<PartnerInfo>> Handle(FindPartnersByNameQuery query, CancellationToken cancellationToken)
    {
        var names = query.Names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim().ToUpperInvariant()).Distinct().ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var found = await db.Partners.IgnoreQueryFilters().AsNoTracking()
            .Where(p => names.Contains(p.Acronym!.ToUpper()) || names.Contains(p.Name!.ToUpper()) || names.Contains(p.NameAr!.ToUpper()))
            .Select(p => new { p.Id, p.Name, p.NameAr, p.Type, p.ProvinceCode, p.Acronym })
            .ToListAsync(cancellationToken);
        return found.Select(p => new PartnerInfo(p.Id.Value, p.Name, p.NameAr, p.Type.ToString(), p.ProvinceCode, p.Acronym)).ToList();
    }
}
