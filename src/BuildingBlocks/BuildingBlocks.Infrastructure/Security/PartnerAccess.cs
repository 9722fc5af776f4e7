using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.Infrastructure.Security;

/// <summary>
/// What every module's partner-system endpoints share: each partner key's own request budget,
/// through the framework's rate limiter (a partner system polling too eagerly slows itself down,
/// not the others: 429 with Retry-After; the host-wide budget per caller still applies on top),
/// and the key scope an endpoint needs.
/// </summary>
public static class PartnerAccess
{
    public const string RateLimitPolicy = "partner-key";

    /// <summary>Configuration key: requests per minute for one partner key (120 by default).</summary>
    public const string RateLimitSetting = "Partnerships:RequestsPerMinutePerKey";

    public static IServiceCollection AddPartnerRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue(RateLimitSetting, 120);
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(AuthNames.ApiKeyClaim) ?? "no-key",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    /// <summary>The endpoint answers only a partner key carrying <paramref name="scope"/> (403 otherwise).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder(AuthNames.SmartScheme)
            .RequireClaim(AuthNames.KindClaim, AuthNames.PartnerKind)
            .RequireClaim(AuthNames.ScopeClaim, scope)
            .Build());
}
