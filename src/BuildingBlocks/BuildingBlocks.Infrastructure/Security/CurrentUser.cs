using System.Security.Claims;
using BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The caller of the current request; outside a request (jobs, event handlers, seeding) the
/// system itself. Read from the principal at each use, never cached: services of the request's
/// scope can be created during authentication, before the principal is known.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public CallerKind Kind
    {
        get
        {
            var context = accessor.HttpContext;
            if (context is null)
            {
                return CallerKind.System;
            }

            if (context.User.Identity?.IsAuthenticated != true)
            {
                return CallerKind.Anonymous;
            }

            return context.User.FindFirstValue(AuthNames.KindClaim) switch
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

    public IReadOnlyCollection<string> Provinces => Values(AuthNames.ProvinceClaim);

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsInRole(string role) => Principal?.HasClaim(AuthNames.RoleClaim, role) == true;

    private string[] Values(string claim) =>
        Principal?.FindAll(claim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray() ?? [];
}
