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
        return await db.Partners.AsNoTracking()
            .Where(p => p.Id == id)
            .ProjectToDto()
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("partner", query.PartnerId);
    }
}
