using Mediator;
using Microsoft.EntityFrameworkCore;
using Reporting.Application.Abstractions;
using Reporting.Domain.Partners;

namespace Reporting.Application.Partners.RecordPartner;

internal sealed class RecordPartnerCommandHandler(IReportingDbContext db) : ICommandHandler<RecordPartnerCommand>
{
    public async ValueTask<Unit> Handle(RecordPartnerCommand command, CancellationToken cancellationToken)
    {
        var fact = await db.PartnerFacts.FirstOrDefaultAsync(f => f.PartnerId == command.PartnerId, cancellationToken);
        if (fact is null)
        {
            db.PartnerFacts.Add(PartnerFact.Record(command.PartnerId, command.PartnerType, command.ProvinceCode, command.OccurredOn));
        }
        else
        {
            fact.Apply(command.PartnerType, command.ProvinceCode, command.OccurredOn);
        }

        return Unit.Value;
    }
}
