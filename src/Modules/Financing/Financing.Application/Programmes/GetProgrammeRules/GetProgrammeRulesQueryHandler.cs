using Financing.Application.Abstractions;
using Financing.Contracts;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.GetProgrammeRules;

/// <summary>Answers Applicants' eligibility check: the rules as they stand now, for any caller (a rule reveals nothing personal).</summary>
internal sealed class GetProgrammeRulesQueryHandler(IFinancingDbContext db) : IQueryHandler<GetProgrammeRulesQuery, ProgrammeRules?>
{
    public async ValueTask<ProgrammeRules?> Handle(GetProgrammeRulesQuery query, CancellationToken cancellationToken)
    {
        var id = new ProgrammeId(query.ProgrammeId);
        var p = await db.Programmes.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new
            {
                p.Code, p.NameFr, p.NameAr, p.Status, p.StartsOn, p.EndsOn, p.ProvinceCodes, p.TargetCategories, p.AllowsIndividuals, p.AllowsGroups,
                p.MinimumAge, p.MaximumAge, p.MaximumProjectCost, p.MaximumGrant, p.OwnContributionRate,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return p is null
            ? null
            : new ProgrammeRules(
                query.ProgrammeId, p.Code, p.NameFr, p.NameAr, p.Status.ToString(), p.StartsOn, p.EndsOn,
                p.ProvinceCodes, p.TargetCategories.Select(c => c.ToString()).ToList(), p.AllowsIndividuals, p.AllowsGroups,
                p.MinimumAge, p.MaximumAge, p.MaximumProjectCost?.Amount, p.MaximumGrant?.Amount, p.OwnContributionRate);
    }
}
