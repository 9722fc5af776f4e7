using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Contracts;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.FindPartners;

/// <summary>
/// Answers other modules' lookups. It ignores the caller's provinces on purpose: a Taounate
/// programme may be co-funded by the Nador council, and naming a partner reveals nothing personal.
/// </summary>
internal sealed class FindPartnersQueryHandler(IPartnershipsDbContext db) : IQueryHandler<FindPartnersQuery, IReadOnlyList<PartnerInfo>>
{
    public async ValueTask<IReadOnlyList<PartnerInfo>> Handle(FindPartnersQuery query, CancellationToken cancellationToken)
    {
        if (query.PartnerIds.Count == 0)
        {
            return [];
        }

        var ids = query.PartnerIds.Distinct().Select(id => new PartnerId(id)).ToList();
        var found = await db.Partners.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.NameAr, p.Type, p.ProvinceCode, p.Acronym })
            .ToListAsync(cancellationToken);
        return found.Select(p => new PartnerInfo(p.Id.Value, p.Name, p.NameAr, p.Type.ToString(), p.ProvinceCode, p.Acronym)).ToList();
    }
}
