using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Application.Partners;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.ApiKeys.GetOwnPartner;

/// <summary>The calling partner system's own organisation: a partner sees itself and nothing else.</summary>
public sealed record GetOwnPartnerQuery : IQuery<PartnerDto>;

internal sealed class GetOwnPartnerQueryHandler(IPartnershipsDbContext db, ICurrentUser caller) : IQueryHandler<GetOwnPartnerQuery, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(GetOwnPartnerQuery query, CancellationToken cancellationToken)
    {
        if (caller.Kind != CallerKind.Partner || caller.PartnerId is not { } own)
        {
            throw new ForbiddenException("Only a partner system has an own partner.");
        }

        var id = new PartnerId(own);
        // Partners are province-scoped for staff; a partner system is scoped by its own id instead.
        return await db.Partners.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == id)
            .ProjectToDto()
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("partner", own);
    }
}
