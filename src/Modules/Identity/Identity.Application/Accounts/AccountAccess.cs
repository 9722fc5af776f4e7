using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;

namespace Identity.Application.Accounts;

/// <summary>
/// Who may do what with staff accounts, decided once: Admins change them (and the system, when it
/// seeds); Admins, ProgramManagers and Auditors read them all; any other staff member reads his own.
/// </summary>
internal static class AccountAccess
{
    public static void EnsureAdministrator(ICurrentUser caller)
    {
        if (caller.Kind == CallerKind.System || (caller.Kind == CallerKind.Staff && caller.IsInRole(Roles.Admin)))
        {
            return;
        }

        throw new ForbiddenException("Only an administrator manages staff accounts.");
    }

    /// <summary>The one account the caller may read, or null when he may read them all.</summary>
    public static Guid? OnlyReadable(ICurrentUser caller)
    {
        if (caller.Kind == CallerKind.System || (caller.Kind == CallerKind.Staff && Roles.Nationwide.Any(caller.IsInRole)))
        {
            return null;
        }

        // A caller with no account (a partner system) reads no account: an id no account has.
        return caller.UserId ?? Guid.Empty;
    }
}
