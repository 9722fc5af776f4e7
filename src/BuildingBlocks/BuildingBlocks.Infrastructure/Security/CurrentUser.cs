using System.Security.Claims;
using BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The caller of the current request; outside a request (jobs, event handlers, seeding) the
/// system itself. Read from the principal at each use, never cached: services of the request's
/// scope can be created during authentication, before the principal is known.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser, IActingCaller
{
    private ClaimsPrincipal? _actingFor;

    public CallerKind Kind
    {
        get
        {
            var user = Principal;
            if (user is null)
            {
                return CallerKind.System;
            }

            if (user.Identity?.IsAuthenticated != true)
            {
                return CallerKind.Anonymous;
            }

            return user.FindFirstValue(AuthNames.KindClaim) switch
            {
                AuthNames.StaffKind => CallerKind.Staff,
                AuthNames.PartnerKind => CallerKind.Partner,
                _ => CallerKind.Anonymous,
            };
        }
    }

    public Guid? UserId =>
        Kind == CallerKind.Staff && Guid.TryParse(Principal?.FindFirstValue(AuthNames.SubjectClaim), out var user) ? user : null;

    public Guid? PartnerId =>
        Kind == CallerKind.Partner && Guid.TryParse(Principal?.FindFirstValue(AuthNames.PartnerClaim), out var partner) ? partner : null;

    public IReadOnlyCollection<string> Roles => Values(AuthNames.RoleClaim);

    public bool IsNationalPartner => Kind == CallerKind.Partner && Principal?.HasClaim(AuthNames.NationwideClaim, "true") == true;

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

    private string[] Values(string claim) =>
        Principal?.FindAll(claim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray() ?? [];
}
