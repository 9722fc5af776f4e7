using BuildingBlocks.Application.Security;
using Identity.Contracts;
using Identity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Identity.Infrastructure.StaffAccounts;

/// <summary>Staff accounts as other modules read them, from the accounts' current state.</summary>
internal sealed class StaffDirectory(StaffIdentityDbContext db, ICurrentUser currentUser) : IStaffDirectory
{
    public async Task<StaffMemberDto?> FindAsync(Guid staffMemberId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == staffMemberId)
            .Select(u => new { u.Id, u.DisplayName, u.Provinces, u.PreferredLanguage })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.AsNoTracking()
            .Where(link => link.UserId == staffMemberId)
            .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
            .OrderBy(name => name)
            .ToListAsync(cancellationToken);
        return new StaffMemberDto(user.Id, user.DisplayName, roles, user.Provinces, user.PreferredLanguage);
    }

    public Task<StaffMemberDto?> FindCurrentAsync(CancellationToken cancellationToken) =>
        currentUser.UserId is { } id ? FindAsync(id, cancellationToken) : Task.FromResult<StaffMemberDto?>(null);
}
