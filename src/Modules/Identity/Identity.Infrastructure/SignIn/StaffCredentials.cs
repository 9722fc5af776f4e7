using System.Security.Claims;
using BuildingBlocks.Application.Privacy;
using BuildingBlocks.Infrastructure.Security;
using Identity.Infrastructure.StaffAccounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Identity.Infrastructure.SignIn;

/// <summary>The outcome of checking a staff member's email and password.</summary>
internal sealed record StaffSignIn(StaffUser? User, IReadOnlyList<string> Roles, bool LockedOut)
{
    public bool Succeeded => User is not null;

    /// <summary>Who the staff member is, as the API token and the dashboard cookie both carry it.</summary>
    public IEnumerable<Claim> Claims()
    {
        if (User is null)
        {
            return [];
        }

        return new[] { new Claim(AuthNames.SubjectClaim, User.Id.ToString()), new Claim(AuthNames.KindClaim, AuthNames.StaffKind) }
            .Concat(Roles.Select(r => new Claim(AuthNames.RoleClaim, r)))
            .Concat(User.Provinces.Select(p => new Claim(AuthNames.ProvinceClaim, p)));
    }
}

/// <summary>
/// The one check of a staff member's credentials, for the API login and the dashboard sign-in
/// alike: lockout after repeated failures, and every refusal logged with the address masked.
/// </summary>
internal sealed partial class StaffCredentials(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, ILogger<StaffCredentials> logger)
{
    private static readonly StaffSignIn Refused = new(null, [], LockedOut: false);

    public async Task<StaffSignIn> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            LogRefused(logger, email, "unknown account");
            return Refused;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            LogRefused(logger, email, "locked out");
            return Refused with { LockedOut = true };
        }

        if (!result.Succeeded)
        {
            LogRefused(logger, email, "wrong password");
            return Refused;
        }

        return new StaffSignIn(user, [.. await users.GetRolesAsync(user)], LockedOut: false);
    }

    // The address is personal data: the redaction pipeline masks it (ad***...al).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for {Email}: {Reason}")]
    private static partial void LogRefused(ILogger logger, [MaskedInLogs] string email, string reason);
}
