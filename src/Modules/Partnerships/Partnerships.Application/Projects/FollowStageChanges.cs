using Applicants.Contracts;
using BuildingBlocks.Application.Messaging;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Conventions;
using Partnerships.Application.Webhooks;
using Partnerships.Domain.Projects;
using Partnerships.Domain.Webhooks;

namespace Partnerships.Application.Projects;

/// <summary>
/// Keeps the partners' status feed: each stage change of an application is recorded for the
/// partner that referred it and for the partners of a signed or active convention whose scope
/// lists the application's programme.
/// </summary>
internal sealed class FollowStageChanges(IPartnershipsDbContext db, TimeProvider clock)
    : IIntegrationEventHandler<ApplicationStageChangedIntegrationEvent>
{
    public async Task Handle(ApplicationStageChangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var sponsors = await db.Conventions
            .Where(c => (c.Status == ConventionStatus.Signed || c.Status == ConventionStatus.Active) && c.ProgrammeIds.Contains(e.ProgrammeId))
            .SelectMany(c => c.Parties.Select(p => p.PartnerId))
            .Distinct()
            .ToListAsync(cancellationToken);
        var followers = sponsors.Select(p => p.Value).ToList();
        if (e.ReferringPartnerId is { } referrer)
        {
            followers.Add(referrer);
        }

        var id = new FollowedProjectId(e.ApplicationId);
        var project = await db.FollowedProjects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            if (followers.Count == 0)
            {
                // No partner follows it: nothing to keep.
                return;
            }

            project = FollowedProject.Start(e.ApplicationId, e.ProgrammeId);
            db.FollowedProjects.Add(project);
        }

        var change = new StageChange(e.Sequence, e.FromStage, e.ToStage, e.Outcome, e.ChangedAt);
        var known = project.History.Any(h => h.Sequence == change.Sequence);
        var now = clock.GetUtcNow();
        // The inbox's unit of work saves, in the message's transaction: the change and its deliveries together.
        project.Record(change, followers.Distinct(), now);
        if (!known)
        {
            await RecordDeliveriesAsync(project, change, now, cancellationToken);
        }
    }

    /// <summary>A delivery for each follower with a webhook endpoint, its body fixed now.</summary>
    private async Task RecordDeliveriesAsync(FollowedProject project, StageChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var followers = project.PartnerIds;
        var subscribed = await db.WebhookEndpoints.Where(w => followers.Contains(w.PartnerId)).Select(w => w.PartnerId).ToListAsync(cancellationToken);
        foreach (var partner in subscribed)
        {
            var id = WebhookDeliveryId.New();
            db.WebhookDeliveries.Add(WebhookDelivery.Record(
                id, partner, project.Id.Value, change.Sequence, WebhookPayload.StageChanged,
                WebhookPayload.For(id, project.Id.Value, project.ProgrammeId, change, now), now));
        }
    }
}
