using BuildingBlocks.Application.Messaging;
using Mediator;
using Partnerships.Contracts;

namespace Reporting.Application.Partners.RecordPartner;

internal sealed class PartnerRegisteredHandler(ISender sender) : IIntegrationEventHandler<PartnerRegisteredIntegrationEvent>
{
    public async Task Handle(PartnerRegisteredIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        await sender.Send(new RecordPartnerCommand(integrationEvent.PartnerId, integrationEvent.PartnerType, integrationEvent.ProvinceCode, integrationEvent.OccurredOn), cancellationToken);
}
