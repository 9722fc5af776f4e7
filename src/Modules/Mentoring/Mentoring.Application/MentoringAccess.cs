using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Mentors;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application;

/// <summary>
/// What a caller with only the Mentor role may do here: read and report on the projects assigned to
/// the mentor record linked to his account, and nothing else. Staff with any other role are
/// governed by the province rule alone.
/// </summary>
internal static class MentoringAccess
{
    public static bool IsMentorOnly(ICurrentUser caller) =>
        caller.Kind == CallerKind.Staff && caller.IsInRole(Roles.Mentor)
        && !caller.IsInRole(Roles.Admin) && !caller.IsInRole(Roles.ProgramManager)
        && !caller.IsInRole(Roles.Officer) && !caller.IsInRole(Roles.Auditor);

    /// <summary>The mentor record of a Mentor-only caller (an empty id when none is linked, so he sees nothing); null for everyone else.</summary>
    public static async Task<MentorId?> OwnMentorAsync(IMentoringDbContext db, ICurrentUser caller, CancellationToken cancellationToken)
    {
        if (!IsMentorOnly(caller))
        {
            return null;
        }

        var userId = caller.UserId;
        var id = await db.Mentors.AsNoTracking().Where(m => m.StaffUserId == userId).Select(m => (MentorId?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return id ?? new MentorId(Guid.Empty);
    }

    /// <summary>Mentors, assignments and plans are coordinators' work: a Mentor-only caller may not change them.</summary>
    public static void RefuseMentorOnly(ICurrentUser caller)
    {
        if (IsMentorOnly(caller))
        {
            throw new ForbiddenException("Only coordinators (Officers, ProgramManagers, Admins) manage mentors and assignments.");
        }
    }
}
