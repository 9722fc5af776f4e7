using System.Security.Claims;
using BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The caller of the current request; outside a request (jobs, event handlers, seeding) the
/// system itself.
/// </summary>
internal sealed class CurrentUser : ICurrentUser
{
    public CurrentUser(IHttpContextAccessor accessor)
    {
        var principal = accessor.HttpContext?.User;
        if (accessor.HttpContext is null)
        {
            Kind = CallerKind.System;
            Roles = [];
            Provinces = [];
            return;
        }

        if (principal?.Identity?.IsAuthenticated != true)
        {
            Kind = CallerKind.Anonymous;
            Roles = [];
            Provinces = [];
            return;
        }

        Kind = principal.FindFirstValue(AuthNames.KindClaim) switch
        {
            AuthNames.StaffKind => CallerKind.Staff,
            AuthNames.PartnerKind => CallerKind.Partner,
            _ => CallerKind.Anonymous,
        };
        UserId = Guid.TryParse(principal.FindFirstValue(AuthNames.SubjectClaim), out var user) && Kind == CallerKind.Staff ? user : null;
        PartnerId = Guid.TryParse(principal.FindFirstValue(AuthNames.PartnerClaim), out var partner) ? partner : null;
        Roles = principal.FindAll(AuthNames.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Provinces = principal.FindAll(AuthNames.ProvinceClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
    }

    public CallerKind Kind { get; }

    public Guid? UserId { get; }

    public Guid? PartnerId { get; }

    public IReadOnlyCollection<string> Roles { get; }

    public IReadOnlyCollection<string> Provinces { get; }

    public bool IsInRole(string role) => Roles.Contains(role);
}
