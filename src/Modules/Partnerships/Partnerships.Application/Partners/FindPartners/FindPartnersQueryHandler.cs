using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Contracts;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.FindPartners;

/// <summary>
/// Answers other modules' lookups, by id or by name. It ignores the caller's provinces on purpose:
/// a Taounate programme may be co-funded by the Nador council, and naming a partner reveals nothing personal.
/// </summary>
internal sealed class FindPartnersQueryHandler(IPartnershipsDbContext db) :
    IQueryHandler<FindPartnersQuery, IReadOnlyList<PartnerInfo>>,
    IQueryHandler<FindPartnersByNameQuery, IReadOnlyList<PartnerInfo>>
{
    public async ValueTask<IReadOnlyList<PartnerInfo>> Handle(FindPartnersQuery query, CancellationToken cancellationToken)
    {
        var ids = query.PartnerIds.Distinct().Select(id => new PartnerId(id)).ToList();
        return ids.Count == 0 ? [] : await InfoAsync(db.Partners.Where(p => ids.Contains(p.Id)), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PartnerInfo>> Handle(FindPartnersByNameQuery query, CancellationToken cancellationToken)
    {
        var names = query.Names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim().ToUpperInvariant()).Distinct().ToList();
        return names.Count == 0
            ? []
            : await InfoAsync(
                db.Partners.Where(p => names.Contains(p.Acronym!.ToUpper()) || names.Contains(p.Name!.ToUpper()) || names.Contains(p.NameAr!.ToUpper())),
                cancellationToken);
    }

    private static async Task<IReadOnlyList<PartnerInfo>> InfoAsync(IQueryable<Partner> partners, CancellationToken cancellationToken)
    {
        var found = await partners.IgnoreQueryFilters().AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.NameAr, p.Type, p.ProvinceCode, p.Acronym })
            .ToListAsync(cancellationToken);
        return found.Select(p => new PartnerInfo(p.Id.Value, p.Name, p.NameAr, p.Type.ToString(), p.ProvinceCode, p.Acronym)).ToList();
    }
}
