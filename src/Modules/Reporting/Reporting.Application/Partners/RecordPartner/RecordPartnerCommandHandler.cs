using Mediator;
using Microsoft.EntityFrameworkCore;
using Reporting.Application.Abstractions;
using Reporting.Domain.Partners;

namespace Reporting.Application.Partners.RecordPartner;

internal sealed class RecordPartnerCommandHandler(IReportingDbContext db) : ICommandHandler<RecordPartnerCommand>
{
    public async ValueTask<Unit> Handle(RecordPartnerCommand command, CancellationToken cancellationToken)
    {
        // The first event of a partner is one statement; a later one (or a repeat) reads the fact
        // and applies what is newer, so the rules stay in PartnerFact.
        if (!await db.RecordIfNewAsync(PartnerFact.Record(command.PartnerId, command.PartnerType, command.ProvinceCode, command.OccurredOn), cancellationToken))
        {
            var fact = await db.PartnerFacts.FirstAsync(f => f.PartnerId == command.PartnerId, cancellationToken);
            fact.Apply(command.PartnerType, command.ProvinceCode, command.OccurredOn);
        }

        return Unit.Value;
    }
}
