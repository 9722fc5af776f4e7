using Financing.Application.Abstractions;
using Financing.Contracts;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.GetProgrammeRules;

/// <summary>
/// Answers Applicants' eligibility check, by id or by code: the rules as they stand now, for any
/// caller (a rule reveals nothing personal).
/// </summary>
internal sealed class GetProgrammeRulesQueryHandler(IFinancingDbContext db) :
    IQueryHandler<GetProgrammeRulesQuery, ProgrammeRules?>,
    IQueryHandler<FindProgrammeByCodeQuery, ProgrammeRules?>
{
    public ValueTask<ProgrammeRules?> Handle(GetProgrammeRulesQuery query, CancellationToken cancellationToken)
    {
        var id = new ProgrammeId(query.ProgrammeId);
        return FirstAsync(db.Programmes.Where(p => p.Id == id), cancellationToken);
    }

    /// <remarks>Codes are stored upper-case, so the comparison uses the unique index.</remarks>
    public ValueTask<ProgrammeRules?> Handle(FindProgrammeByCodeQuery query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        return FirstAsync(db.Programmes.Where(p => p.Code == code), cancellationToken);
    }

    private static async ValueTask<ProgrammeRules?> FirstAsync(IQueryable<Programme> programmes, CancellationToken cancellationToken)
    {
        var p = await programmes.AsNoTracking()
            .Select(p => new
            {
                p.Id, p.Code, p.NameFr, p.NameAr, p.Status, p.StartsOn, p.EndsOn, p.ProvinceCodes, p.TargetCategories, p.AllowsIndividuals, p.AllowsGroups,
                p.MinimumAge, p.MaximumAge, p.MaximumProjectCost, p.MaximumGrant, p.OwnContributionRate,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return p is null
            ? null
            : new ProgrammeRules(
                p.Id.Value, p.Code, p.NameFr, p.NameAr, p.Status.ToString(), p.StartsOn, p.EndsOn,
                p.ProvinceCodes, p.TargetCategories.Select(c => c.ToString()).ToList(), p.AllowsIndividuals, p.AllowsGroups,
                p.MinimumAge, p.MaximumAge, p.MaximumProjectCost?.Amount, p.MaximumGrant?.Amount, p.OwnContributionRate);
    }
}
