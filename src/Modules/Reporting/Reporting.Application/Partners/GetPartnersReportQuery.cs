using Mediator;
using Microsoft.EntityFrameworkCore;
using Reporting.Application.Abstractions;

namespace Reporting.Application.Partners;

/// <summary>How many partners of each type, optionally in one province.</summary>
public sealed record GetPartnersReportQuery(string? ProvinceCode) : IQuery<PartnersReportDto>;

public sealed record PartnersByTypeDto(string Type, int Count);

public sealed record PartnersReportDto(IReadOnlyList<PartnersByTypeDto> ByType, int Total);

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
