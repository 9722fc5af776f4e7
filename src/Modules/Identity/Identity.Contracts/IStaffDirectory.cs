namespace Identity.Contracts;

/// <summary>
/// What other modules may ask the Identity module about staff accounts, read from the accounts
/// themselves rather than from a token (a token's roles and provinces are as they were at login).
/// </summary>
public interface IStaffDirectory
{
    /// <summary>The staff member with this id, or null when there is none.</summary>
    Task<StaffMemberDto?> FindAsync(Guid staffMemberId, CancellationToken cancellationToken);

    /// <summary>The staff member making the current request, or null when the caller is not staff.</summary>
    Task<StaffMemberDto?> FindCurrentAsync(CancellationToken cancellationToken);
}
