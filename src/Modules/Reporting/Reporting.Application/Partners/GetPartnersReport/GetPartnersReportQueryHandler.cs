using Mediator;
using Microsoft.EntityFrameworkCore;
using Reporting.Application.Abstractions;

namespace Reporting.Application.Partners.GetPartnersReport;

internal sealed class GetPartnersReportQueryHandler(IReportingDbContext db) : IQueryHandler<GetPartnersReportQuery, PartnersReportDto>
{
    public async ValueTask<PartnersReportDto> Handle(GetPartnersReportQuery query, CancellationToken cancellationToken)
    {
        var facts = db.PartnerFacts.AsNoTracking();
        if (query.ProvinceCode is { } province)
        {
            facts = facts.Where(f => f.ProvinceCode == province);
        }

        var byType = await facts
            .GroupBy(f => f.PartnerType)
            .OrderBy(g => g.Key)
            .Select(g => new PartnersByTypeDto(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return new PartnersReportDto(byType, byType.Sum(r => r.Count));
    }
}
