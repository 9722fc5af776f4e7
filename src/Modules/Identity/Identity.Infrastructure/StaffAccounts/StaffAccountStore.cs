using BuildingBlocks.Application.Exceptions;
using Identity.Application.Accounts;
using Identity.Infrastructure.Persistence;
using Identity.Infrastructure.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Identity.Infrastructure.StaffAccounts;

/// <summary>
/// <see cref="IStaffAccounts"/> on ASP.NET Core Identity. After every change it tells
/// <see cref="AccountSessions"/>, so that the next request of the account sees it.
/// </summary>
internal sealed class StaffAccountStore(
    StaffIdentityDbContext db,
    UserManager<StaffUser> users,
    AccountSessions sessions,
    TimeProvider clock) : IStaffAccounts
{
    public const string PasswordTokenPurpose = "SetPassword";

    private readonly List<Guid> _changed = [];

    public IQueryable<StaffAccountDto> Read(StaffAccountFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var accounts = db.Users.AsNoTracking();
        if (filter.OnlyId is { } only)
        {
            accounts = accounts.Where(u => u.Id == only);
        }

        if (filter.Role is { } role)
        {
            var name = role.ToString();
            accounts = accounts.Where(u => db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && r.Name == name)));
        }

        if (filter.Province is { } province)
        {
            accounts = accounts.Where(u => u.Provinces.Contains(province));
        }

        if (filter.Active is { } active)
        {
            accounts = accounts.Where(u => u.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var upper = $"%{Escape(filter.Text.Trim().ToUpperInvariant())}%";
            var raw = $"%{Escape(filter.Text.Trim())}%";
            accounts = accounts.Where(u =>
                EF.Functions.Like(u.NormalizedEmail ?? string.Empty, upper, "\\")
                || EF.Functions.ILike(u.DisplayName ?? string.Empty, raw, "\\")
                || EF.Functions.Like(u.DisplayNameAr ?? string.Empty, raw, "\\"));
        }

        var now = clock.GetUtcNow();
        return accounts.Select(u => new StaffAccountDto
        {
            Id = u.Id,
            Email = u.Email ?? string.Empty,
            DisplayName = u.DisplayName,
            DisplayNameAr = u.DisplayNameAr,
            PreferredLanguage = u.PreferredLanguage,
            Roles = db.UserRoles.Where(link => link.UserId == u.Id)
                .Join(db.Roles, link => link.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(n => n)
                .ToList(),
            Provinces = u.Provinces,
            MentorId = u.MentorId,
            Active = u.IsActive,
            LockedOutUntil = u.LockoutEnd > now ? u.LockoutEnd : null,
            FailedSignIns = u.AccessFailedCount,
            HasPassword = u.PasswordHash != null,
            CreatedOn = u.CreatedOn,
            Version = u.Version,
        });
    }

    public async Task<StaffAccountState?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await StateAsync(db.Users.Where(u => u.Id == id), cancellationToken);

    public async Task<StaffAccountState?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email);
        return await StateAsync(db.Users.Where(u => u.NormalizedEmail == normalized), cancellationToken);
    }

    public async Task<Guid> CreateAsync(StaffAccountDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var user = new StaffUser { EmailConfirmed = true, CreatedOn = clock.GetUtcNow() };
        Apply(user, details);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Ensure(await users.CreateAsync(user));
        Ensure(await users.AddToRolesAsync(user, details.Roles));
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    public async Task UpdateAsync(Guid id, uint version, StaffAccountDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var user = await ExistingAsync(id, cancellationToken);
        // Compared here rather than left to the UPDATE: Identity's store re-attaches the account
        // and the version the caller read never reaches the WHERE clause. Administrative changes
        // run one at a time (SerialiseAsync), and a sign-in writing meanwhile is caught by
        // Identity's own concurrency stamp.
        if (user.Version != version)
        {
            throw new DbUpdateConcurrencyException("The account changed since it was read.");
        }

        Apply(user, details);
        Ensure(await users.UpdateAsync(user));
        var current = await users.GetRolesAsync(user);
        Ensure(await users.RemoveFromRolesAsync(user, current.Except(details.Roles)));
        Ensure(await users.AddToRolesAsync(user, details.Roles.Except(current)));
        Changed(id);
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var user = await ExistingAsync(id, cancellationToken);
        user.IsActive = active;
        // A new stamp as well: tokens issued before a deactivation stay dead after a reactivation.
        Ensure(active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user));
        Changed(id);
    }

    public async Task UnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await ExistingAsync(id, cancellationToken);
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
    }

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) =>
        db.Users.CountAsync(
            u => u.IsActive && db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && r.Name == BuildingBlocks.Application.Security.Roles.Admin)),
            cancellationToken);

    public async Task SerialiseAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One administrative change at a time, held until commit: the count of administrators
        // read inside cannot be made stale by a concurrent change.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('identity.staff-administration'))", cancellationToken);
        await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in _changed)
        {
            sessions.Forget(id);
        }
    }

    public async Task<string> IssuePasswordTokenAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await ExistingAsync(id, cancellationToken);
        return await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, PasswordTokenPurpose);
    }

    public async Task<bool> SetPasswordWithTokenAsync(Guid id, string token, string newPassword, CancellationToken cancellationToken)
    {
        var user = await ExistingAsync(id, cancellationToken);
        if (!await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, PasswordTokenPurpose, token))
        {
            return false;
        }

        if (user.PasswordHash is not null)
        {
            Ensure(await users.RemovePasswordAsync(user));
        }

        // Adding the password changes the security stamp: the token cannot be used twice, and
        // the sessions opened with the old password end.
        Ensure(await users.AddPasswordAsync(user, newPassword));
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Changed(id);
        return true;
    }

    public async Task<bool> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await ExistingAsync(id, cancellationToken);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            return false;
        }

        Ensure(result);
        Changed(id);
        return true;
    }

    /// <summary>
    /// Forgets the account's cached state now, and again after the commit when inside a
    /// transaction: a request in between could only have read (and kept) the state before it.
    /// </summary>
    private void Changed(Guid id)
    {
        sessions.Forget(id);
        _changed.Add(id);
    }

    private async Task<StaffAccountState?> StateAsync(IQueryable<StaffUser> query, CancellationToken cancellationToken)
    {
        var user = await query.AsNoTracking()
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage, u.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.AsNoTracking()
            .Where(link => link.UserId == user.Id)
            .Join(db.Roles, link => link.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return new StaffAccountState(user.Id, user.Email ?? string.Empty, user.PreferredLanguage, user.IsActive, roles);
    }

    private async Task<StaffUser> ExistingAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("staff account", id);

    private static void Apply(StaffUser user, StaffAccountDetails details)
    {
        user.Email = details.Email;
        user.UserName = details.Email;
        user.DisplayName = details.DisplayName;
        user.DisplayNameAr = details.DisplayNameAr;
        user.PreferredLanguage = details.PreferredLanguage;
        user.Provinces = [.. details.Provinces];
        user.MentorId = details.MentorId;
    }

    /// <summary>Identity's refusals in the API's one error style.</summary>
    private static void Ensure(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new DbUpdateConcurrencyException("The account changed since it was read.");
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)) || codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new ConflictException("staff.email-taken", AccountTexts.EmailTaken);
        }

        throw new InvalidOperationException($"The account store refused the change: {string.Join(", ", codes)}");
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
