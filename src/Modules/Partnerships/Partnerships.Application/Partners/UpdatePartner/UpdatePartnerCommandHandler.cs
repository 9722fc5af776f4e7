using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.UpdatePartner;

internal sealed class UpdatePartnerCommandHandler(IPartnershipsDbContext db, ICurrentUser caller, IUniqueKeys uniqueKeys, TimeProvider clock)
    : ICommandHandler<UpdatePartnerCommand>
{
    public async ValueTask<Unit> Handle(UpdatePartnerCommand command, CancellationToken cancellationToken)
    {
        var id = new PartnerId(command.PartnerId);
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("partner", command.PartnerId);
        db.Context.ExpectVersion(partner, command.Version!.Value);
        partner.Update(command.ToDetails(), clock.GetUtcNow());
        PartnerConflicts.NameMustBeFree(uniqueKeys, db, caller, partner);
        return Unit.Value;
    }
}
