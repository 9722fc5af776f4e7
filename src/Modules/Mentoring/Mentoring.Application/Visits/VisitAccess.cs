using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Visits;

internal static class VisitAccess
{
    /// <summary>The tracked project holding the visit, when the caller may see it (a Mentor-only caller: his own projects).</summary>
    public static async Task<MentoredProject> ProjectOfVisitAsync(IMentoringDbContext db, ICurrentUser caller, Guid visitId, CancellationToken cancellationToken)
    {
        var id = new VisitId(visitId);
        var own = await MentoringAccess.OwnMentorAsync(db, caller, cancellationToken);
        var project = await db.Projects
            .Where(p => p.Visits.Any(v => v.Id == id))
            .FirstOrDefaultAsync(cancellationToken);
        if (project is null || (own is { } mentor && project.MentorId != mentor))
        {
            throw new NotFoundException("visit", visitId);
        }

        return project;
    }
}
