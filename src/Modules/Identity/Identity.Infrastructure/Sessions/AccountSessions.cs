using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using BuildingBlocks.Infrastructure.Security;
using Identity.Infrastructure.Persistence;
using Identity.Infrastructure.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Infrastructure.Sessions;

/// <summary>
/// Ends sessions when the account does. Every bearer token carries the account's security stamp;
/// each request compares it with the account's current state, and takes the account's current
/// roles and provinces in place of those written in the token. The state is cached per account
/// and forgotten by this host at each change (the next request reads it again); other hosts
/// read it again after <c>Auth:AccountCacheDuration</c> at the latest.
/// </summary>
internal sealed class AccountSessions(TimeProvider clock, IOptions<AuthOptions> options)
{
    public const string StampClaim = "stamp";

    private readonly ConcurrentDictionary<Guid, CachedAccount> _accounts = new();

    // Bumped at each change: a read that began before the change never caches what it read.
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    /// <summary>What a request needs to know of its account.</summary>
    internal sealed record CachedAccount(string? Stamp, bool Active, string[] Roles, string[] Provinces, string Language, DateTimeOffset ReadAt);

    public void Forget(Guid accountId)
    {
        _generations.AddOrUpdate(accountId, 1, (_, generation) => generation + 1);
        _accounts.TryRemove(accountId, out _);
    }

    /// <summary>
    /// Whether the token's session still stands; if so, the principal's roles and provinces become
    /// the account's current ones. Null when the session has ended.
    /// </summary>
    public async Task<CachedAccount?> CheckAsync(ClaimsPrincipal principal, StaffIdentityDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirstValue(AuthNames.KindClaim) != AuthNames.StaffKind)
        {
            return null;
        }

        if (!Guid.TryParse(principal.FindFirstValue(AuthNames.SubjectClaim), out var id))
        {
            return null;
        }

        var account = await CurrentAsync(id, db, cancellationToken);
        if (account is not { Active: true } || account.Stamp is null || account.Stamp != principal.FindFirstValue(StampClaim))
        {
            return null;
        }

        if (principal.Identity is ClaimsIdentity identity)
        {
            foreach (var claim in identity.Claims.Where(c => c.Type is AuthNames.RoleClaim or AuthNames.ProvinceClaim).ToList())
            {
                identity.RemoveClaim(claim);
            }

            identity.AddClaims(account.Roles.Select(r => new Claim(AuthNames.RoleClaim, r)));
            identity.AddClaims(account.Provinces.Select(p => new Claim(AuthNames.ProvinceClaim, p)));
        }

        return account;
    }

    private async Task<CachedAccount?> CurrentAsync(Guid id, StaffIdentityDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_accounts.TryGetValue(id, out var cached) && now - cached.ReadAt < options.Value.AccountCacheDuration)
        {
            return cached;
        }

        var generation = _generations.GetValueOrDefault(id);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new
            {
                u.SecurityStamp,
                u.IsActive,
                u.Provinces,
                u.PreferredLanguage,
                Roles = db.UserRoles.Where(link => link.UserId == u.Id).Join(db.Roles, link => link.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            _accounts.TryRemove(id, out _);
            return null;
        }

        var account = new CachedAccount(user.SecurityStamp, user.IsActive, [.. user.Roles], [.. user.Provinces], user.PreferredLanguage, now);
        if (_generations.GetValueOrDefault(id) == generation)
        {
            _accounts[id] = account;
        }

        return account;
    }

    /// <summary>The account's language, for a request that named none in Accept-Language.</summary>
    public static CultureInfo CultureOf(CachedAccount account) => CultureInfo.GetCultureInfo(account?.Language ?? "fr");
}
