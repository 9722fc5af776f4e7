using Applicants.Application.Abstractions;
using Applicants.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Geography.FindCommune;

internal sealed class FindCommuneQueryHandler(IApplicantsDbContext db) : IQueryHandler<FindCommuneQuery, CommuneInfo?>
{
    public async ValueTask<CommuneInfo?> Handle(FindCommuneQuery query, CancellationToken cancellationToken)
    {
        var found = await db.Communes.AsNoTracking()
            .Where(c => c.Code == query.Code)
            .Join(db.Provinces, c => c.ProvinceCode, p => p.Code, (c, p) => new { c.Code, c.ProvinceCode, p.RegionCode, c.Kind, c.NameFr, c.NameAr })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new CommuneInfo(found.Code, found.ProvinceCode, found.RegionCode, found.Kind.ToString(), found.NameFr, found.NameAr);
    }
}
