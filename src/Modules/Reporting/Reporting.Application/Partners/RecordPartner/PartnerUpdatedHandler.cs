using BuildingBlocks.Application.Messaging;
using Mediator;
using Partnerships.Contracts;

namespace Reporting.Application.Partners.RecordPartner;

internal sealed class PartnerUpdatedHandler(ISender sender) : IIntegrationEventHandler<PartnerUpdatedIntegrationEvent>
{
    public async Task Handle(PartnerUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        await sender.Send(new RecordPartnerCommand(integrationEvent.PartnerId, integrationEvent.PartnerType, integrationEvent.ProvinceCode, integrationEvent.OccurredOn), cancellationToken);
}
