using System.Security.Claims;
using BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The caller of the current request; outside a request (jobs, event handlers, seeding) the
/// system itself. What it derives from the principal (kind, user, partner) is read once per
/// principal and kept (issue 13: recomputed at every call, it showed in the request profile), but
/// never before the principal is known: services of the request's scope can be created during
/// authentication, and the principal can be replaced after it; a different principal is read anew.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser, IActingCaller
{
    private ClaimsPrincipal? _actingFor;
    private Derived? _derived;

    public CallerKind Kind => Read().Kind;

    public Guid? UserId => Read().UserId;

    public Guid? PartnerId => Read().PartnerId;

    public IReadOnlyCollection<string> Roles => Values(AuthNames.RoleClaim);

    public bool IsNationalPartner => Read().IsNationalPartner;

    public IReadOnlyCollection<string> Provinces => Values(AuthNames.ProvinceClaim);

    private ClaimsPrincipal? Principal => _actingFor ?? accessor.HttpContext?.User;

    public void ActAs(Guid userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> provinces)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(provinces);
        if (accessor.HttpContext is not null || _actingFor is not null)
        {
            throw new InvalidOperationException("Only work outside a request acts for a staff member, and only for one.");
        }

        Claim[] claims =
        [
            new(AuthNames.KindClaim, AuthNames.StaffKind),
            new(AuthNames.SubjectClaim, userId.ToString()),
            .. roles.Select(r => new Claim(AuthNames.RoleClaim, r)),
            .. provinces.Select(p => new Claim(AuthNames.ProvinceClaim, p)),
        ];
        _actingFor = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "acting-for"));
    }

    public bool IsInRole(string role) => Principal?.HasClaim(AuthNames.RoleClaim, role) == true;

    private Derived Read()
    {
        var principal = Principal;
        var derived = _derived;
        if (derived is null || !ReferenceEquals(derived.Principal, principal))
        {
            _derived = derived = Derive(principal);
        }

        return derived;
    }

    private static Derived Derive(ClaimsPrincipal? user)
    {
        var kind = user switch
        {
            null => CallerKind.System,
            _ when user.Identity?.IsAuthenticated != true => CallerKind.Anonymous,
            _ => user.FindFirstValue(AuthNames.KindClaim) switch
            {
                AuthNames.StaffKind => CallerKind.Staff,
                AuthNames.PartnerKind => CallerKind.Partner,
                _ => CallerKind.Anonymous,
            },
        };
        Guid? userId = kind == CallerKind.Staff && Guid.TryParse(user!.FindFirstValue(AuthNames.SubjectClaim), out var staff) ? staff : null;
        Guid? partnerId = kind == CallerKind.Partner && Guid.TryParse(user!.FindFirstValue(AuthNames.PartnerClaim), out var partner) ? partner : null;
        var nationwide = kind == CallerKind.Partner && user!.HasClaim(AuthNames.NationwideClaim, "true");
        return new Derived(user, kind, userId, partnerId, nationwide);
    }

    private sealed record Derived(ClaimsPrincipal? Principal, CallerKind Kind, Guid? UserId, Guid? PartnerId, bool IsNationalPartner);

    private string[] Values(string claim) =>
        Principal?.FindAll(claim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray() ?? [];
}
