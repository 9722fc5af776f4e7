using System.Net;
using System.Security.Claims;
using BuildingBlocks.Application.Privacy;
using BuildingBlocks.Infrastructure.Security;
using Identity.Infrastructure.Persistence;
using Identity.Infrastructure.StaffAccounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Identity.Infrastructure.SignIn;

/// <summary>
/// The outcome of checking a staff member's email and password: signed in, refused (wrong
/// password, unknown account or locked account alike), or throttled for this client address.
/// </summary>
internal sealed record StaffSignIn(StaffUser? User, IReadOnlyList<string> Roles, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => User is not null;

    public bool Throttled => RetryAfter is not null;

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
/// alike. The caller learns only "signed in", "refused" or "throttled": an unknown account pays for
/// a password hash like a known one, a locked account is refused like a wrong password, and the
/// throttling counts per (email, address) whether the account exists or not. Failures never lock
/// an account: they hold back the address they come from (<see cref="SignInThrottle"/>) and slow
/// the account down for everyone (Identity's <c>AccessFailedCount</c>, shared by every host), and
/// the owner is told by email. Every refusal is logged with the address masked.
/// </summary>
internal sealed partial class StaffCredentials(
    UserManager<StaffUser> users,
    StaffIdentityDbContext db,
    SignInThrottle throttle,
    SignInAlerts alerts,
    TimeProvider clock,
    ILogger<StaffCredentials> logger)
{
    private static readonly StaffSignIn Refused = new(null, []);

    /// <summary>A hash of a random password, made with the same hasher and cost as real ones: unknown accounts are checked against it.</summary>
    private static string? _dummyHash;

    public async Task<StaffSignIn> CheckAsync(string email, string password, IPAddress? client, CancellationToken cancellationToken)
    {
        var account = users.NormalizeEmail(email) ?? string.Empty;
        var address = client?.ToString() ?? "unknown";
        if (throttle.Refusal(account, address) is { } retryAfter)
        {
            LogRefused(logger, email, "throttled for this address");
            return Refused with { RetryAfter = retryAfter };
        }

        var user = await users.FindByEmailAsync(email);
        var failures = user?.AccessFailedCount ?? throttle.UnknownAccountFailures(account);
        if (throttle.Slowdown(failures) is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }

        var passwordMatches = user is null ? VerifyDummy(password) : await users.CheckPasswordAsync(user, password);
        var locked = user is not null && await users.IsLockedOutAsync(user);
        // A deactivated account is refused like any other failure (its sessions end too: AccountSessions).
        var active = user is { IsActive: true };
        if (user is not null && passwordMatches && active && !locked)
        {
            if (user.AccessFailedCount > 0)
            {
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
            }

            return new StaffSignIn(user, [.. await users.GetRolesAsync(user)]);
        }

        if (user is not null && passwordMatches && !active)
        {
            LogRefused(logger, email, "deactivated");
            return Refused;
        }

        if (user is not null && passwordMatches)
        {
            // The right password on a locked account: the caller is answered like anyone else, the owner by email.
            LogRefused(logger, email, "locked out");
            await alerts.LockedAsync(user);
            return Refused;
        }

        var addressUsedUp = throttle.RecordFailure(account, address);
        if (user is null)
        {
            throttle.RecordUnknownAccountFailure(account);
            LogRefused(logger, email, "unknown account");
            return Refused;
        }

        var consecutive = await CountFailureAsync(user.Id, cancellationToken);
        LogRefused(logger, email, locked ? "locked out" : "wrong password");
        if (addressUsedUp || throttle.StartsSlowdown(consecutive))
        {
            await alerts.ThrottledAsync(user, address);
        }

        return Refused;
    }

    private bool VerifyDummy(string password)
    {
        _dummyHash ??= users.PasswordHasher.HashPassword(new StaffUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        users.PasswordHasher.VerifyHashedPassword(new StaffUser(), _dummyHash, password);
        return false;
    }

    /// <summary>One atomic increment, so that attempts arriving together on several hosts all count.</summary>
    private async Task<int> CountFailureAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.Database
            .SqlQuery<int>($"""UPDATE identity."AspNetUsers" SET access_failed_count = access_failed_count + 1 WHERE id = {userId} RETURNING access_failed_count AS "Value" """)
            .ToListAsync(cancellationToken))
        .SingleOrDefault();

    // The address is personal data: the redaction pipeline masks it (ad***...al).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for {Email}: {Reason}")]
    private static partial void LogRefused(ILogger logger, [MaskedInLogs] string email, string reason);
}
