using Applicants.Application.Abstractions;
using Applicants.Contracts;
using Applicants.Domain.Applications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.GetApplicationForDecision;

/// <summary>
/// Answers Financing what a committee needs of an application, one by id or a programme's eligible
/// ones for an agenda; the caller's province rule applies, as to any read.
/// </summary>
internal sealed class GetApplicationForDecisionQueryHandler(IApplicantsDbContext db) :
    IQueryHandler<GetApplicationForDecisionQuery, ApplicationForDecision?>,
    IQueryHandler<FindApplicationsAwaitingDecisionQuery, IReadOnlyList<ApplicationForDecision>>
{
    public async ValueTask<ApplicationForDecision?> Handle(GetApplicationForDecisionQuery query, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(query.ApplicationId);
        return (await ProjectAsync(db.Applications.Where(a => a.Id == id), cancellationToken)).SingleOrDefault();
    }

    public async ValueTask<IReadOnlyList<ApplicationForDecision>> Handle(FindApplicationsAwaitingDecisionQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, 1_000);
        return await ProjectAsync(
            db.Applications
                .Where(a => a.ProgrammeId == query.ProgrammeId && a.Stage == ApplicationStage.Eligible)
                .OrderBy(a => a.SubmittedOn).ThenBy(a => a.Id)
                .Take(limit),
            cancellationToken);
    }

    private static async Task<IReadOnlyList<ApplicationForDecision>> ProjectAsync(IQueryable<ProjectApplication> applications, CancellationToken cancellationToken)
    {
        var found = await applications.AsNoTracking()
            .Select(a => new
            {
                a.Id, a.ProgrammeId, a.HolderKind, a.HolderId, a.Title, a.Sector, a.CommuneCode, a.ProvinceCode,
                a.EstimatedTotalCost, a.RequestedAmount, a.OwnContribution, a.Stage, a.ReferringPartnerId,
            })
            .ToListAsync(cancellationToken);
        return found.Select(a => new ApplicationForDecision(
                a.Id.Value, a.ProgrammeId, a.HolderKind.ToString(), a.HolderId, a.Title, a.Sector.ToString(), a.CommuneCode, a.ProvinceCode,
                a.EstimatedTotalCost.Amount, a.RequestedAmount.Amount, a.OwnContribution.Amount, a.Stage.ToString(), a.ReferringPartnerId))
            .ToList();
    }
}
