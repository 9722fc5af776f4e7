using System.Security.Claims;
using System.Threading.RateLimiting;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Partnerships.Infrastructure.Security;

/// <summary>
/// Each partner key's own request budget, through the framework's rate limiter: a partner system
/// polling too eagerly slows itself down, not the others (429 with Retry-After). The host-wide
/// budget per caller still applies on top.
/// </summary>
internal static class PartnerRateLimit
{
    public const string Policy = "partner-key";

    /// <summary>Configuration key: requests per minute for one partner key (120 by default).</summary>
    public const string Setting = "Partnerships:RequestsPerMinutePerKey";

    public static IServiceCollection AddPartnerRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue(Setting, 120);
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(AuthNames.ApiKeyClaim) ?? "no-key",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }
}

/// <summary>What a partner key must carry to call an endpoint.</summary>
internal static class PartnerScopes
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder(AuthNames.SmartScheme)
            .RequireClaim(AuthNames.KindClaim, AuthNames.PartnerKind)
            .RequireClaim(AuthNames.ScopeClaim, scope)
            .Build());
}
