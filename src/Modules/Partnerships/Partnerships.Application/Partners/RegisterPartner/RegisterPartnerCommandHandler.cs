using BuildingBlocks.Application.Security;
using Mediator;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.RegisterPartner;

internal sealed class RegisterPartnerCommandHandler(IPartnershipsDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<RegisterPartnerCommand, Guid>
{
    public async ValueTask<Guid> Handle(RegisterPartnerCommand command, CancellationToken cancellationToken)
    {
        var details = command.ToDetails();
        await PartnerConflicts.EnsureNameIsFreeAsync(db, caller, Partner.KeyOf(details.Name, details.NameAr), null, cancellationToken);
        var partner = Partner.Register(details, clock.GetUtcNow());
        db.Partners.Add(partner);
        return partner.Id.Value;
    }
}
