using Applicants.Application.Abstractions;
using Applicants.Contracts;
using Applicants.Domain.Applications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.GetApplicationForDecision;

/// <summary>Answers Financing what a committee needs of an application; the caller's province rule applies, as to any read.</summary>
internal sealed class GetApplicationForDecisionQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetApplicationForDecisionQuery, ApplicationForDecision?>
{
    public async ValueTask<ApplicationForDecision?> Handle(GetApplicationForDecisionQuery query, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(query.ApplicationId);
        var a = await db.Applications.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.ProgrammeId, a.HolderKind, a.HolderId, a.Title, a.Sector, a.CommuneCode, a.ProvinceCode,
                a.EstimatedTotalCost, a.RequestedAmount, a.OwnContribution, a.Stage, a.ReferringPartnerId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return a is null
            ? null
            : new ApplicationForDecision(
                query.ApplicationId, a.ProgrammeId, a.HolderKind.ToString(), a.HolderId, a.Title, a.Sector.ToString(), a.CommuneCode, a.ProvinceCode,
                a.EstimatedTotalCost.Amount, a.RequestedAmount.Amount, a.OwnContribution.Amount, a.Stage.ToString(), a.ReferringPartnerId);
    }
}
