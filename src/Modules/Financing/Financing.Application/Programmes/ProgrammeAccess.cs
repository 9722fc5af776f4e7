using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;

namespace Financing.Application.Programmes;

/// <summary>
/// Programmes commit public money: only a programme manager or an administrator defines, changes,
/// opens or closes one; every staff member reads them. The system itself (demo seeding, event
/// handlers) acts as a manager.
/// </summary>
internal static class ProgrammeAccess
{
    public static void EnsureCanManage(ICurrentUser caller)
    {
        if (caller.Kind == CallerKind.System || caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.ProgramManager))
        {
            return;
        }

        throw new ForbiddenException("Only a programme manager or an administrator manages programmes.");
    }
}
