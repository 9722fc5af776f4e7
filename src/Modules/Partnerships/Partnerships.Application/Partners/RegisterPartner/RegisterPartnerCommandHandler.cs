using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Security;
using Mediator;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.RegisterPartner;

internal sealed class RegisterPartnerCommandHandler(IPartnershipsDbContext db, ICurrentUser caller, IUniqueKeys uniqueKeys, TimeProvider clock)
    : ICommandHandler<RegisterPartnerCommand, Guid>
{
    public async ValueTask<Guid> Handle(RegisterPartnerCommand command, CancellationToken cancellationToken)
    {
        var partner = Partner.Register(command.ToDetails(), clock.GetUtcNow());
        db.Partners.Add(partner);
        PartnerConflicts.NameMustBeFree(uniqueKeys, db, caller, partner);
        return partner.Id.Value;
    }
}
