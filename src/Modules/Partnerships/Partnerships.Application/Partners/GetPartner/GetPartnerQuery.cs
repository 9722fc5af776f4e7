using BuildingBlocks.Application.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.GetPartner;

public sealed record GetPartnerQuery(Guid PartnerId) : IQuery<PartnerDto>;

internal sealed class GetPartnerQueryHandler(IPartnershipsDbContext db) : IQueryHandler<GetPartnerQuery, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(GetPartnerQuery query, CancellationToken cancellationToken)
    {
        var id = new PartnerId(query.PartnerId);
        // Read back by the request that has just registered or corrected it (the 201 or 200 with
        // the resource): the context's identity map holds it as saved, version included (EF reads
        // xmin back on write), so it is answered without a second query (issue 13: that query was
        // an eighth of a registration's CPU). Anything else is read from the database.
        if (db.Partners.Local.FindEntry(id) is { State: EntityState.Unchanged } saved)
        {
            return saved.Entity.ToDto();
        }

        return await db.Partners.AsNoTracking()
            .Where(p => p.Id == id)
            .ProjectToDto()
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("partner", query.PartnerId);
    }
}
