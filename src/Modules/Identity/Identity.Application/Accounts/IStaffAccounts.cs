namespace Identity.Application.Accounts;

/// <summary>An account's details as an administrator sets them.</summary>
public sealed record StaffAccountDetails(
    string Email,
    string? DisplayName,
    string? DisplayNameAr,
    string PreferredLanguage,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Provinces,
    Guid? MentorId);

/// <summary>What the rules need to know of an account.</summary>
public sealed record StaffAccountState(Guid Id, string Email, string PreferredLanguage, bool Active, IReadOnlyList<string> Roles);

/// <summary>
/// The accounts' store (ASP.NET Core Identity behind it, in Infrastructure). Every change that
/// touches an account's rights or sessions goes through here, so that the check of bearer tokens
/// on each request learns of it at once.
/// </summary>
public interface IStaffAccounts
{
    /// <summary>The accounts, filtered and projected for reading (not yet sorted or paged).</summary>
    IQueryable<StaffAccountDto> Read(StaffAccountFilter filter);

    Task<StaffAccountState?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<StaffAccountState?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Creates an account without a password; throws a conflict when the email is taken.</summary>
    Task<Guid> CreateAsync(StaffAccountDetails details, CancellationToken cancellationToken);

    /// <summary>Changes an account's details, refusing a stale <paramref name="version"/> (409).</summary>
    Task UpdateAsync(Guid id, uint version, StaffAccountDetails details, CancellationToken cancellationToken);

    /// <summary>Deactivating also ends every session of the account.</summary>
    Task SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken);

    Task UnlockAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Active accounts holding the Admin role.</summary>
    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, one administrative change at a time, so
    /// that two administrators demoting each other cannot leave the agency without one.
    /// </summary>
    Task SerialiseAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    /// <summary>A one-time, expiring token to set the account's password (it dies when the password changes).</summary>
    Task<string> IssuePasswordTokenAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Sets the password with a token from <see cref="IssuePasswordTokenAsync"/>; false when the token is wrong, used or expired.</summary>
    Task<bool> SetPasswordWithTokenAsync(Guid id, string token, string newPassword, CancellationToken cancellationToken);

    /// <summary>Changes one's own password; false when the current one is wrong.</summary>
    Task<bool> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken);
}

/// <summary>The filters of the accounts list.</summary>
public sealed record StaffAccountFilter(StaffRole? Role, string? Province, bool? Active, string? Text, Guid? OnlyId);
