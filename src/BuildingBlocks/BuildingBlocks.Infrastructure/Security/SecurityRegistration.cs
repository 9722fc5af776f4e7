using BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.Infrastructure.Security;

public static class SecurityRegistration
{
    /// <summary>
    /// How callers are recognised and what the endpoints' policies demand: bearer tokens for
    /// staff, <c>X-Api-Key</c> for partner systems, a cookie only for the Hangfire dashboard.
    /// Mechanisms only: the accounts, the login and the key that signs and checks bearer tokens
    /// belong to the Identity module, which configures the bearer scheme's validation.
    /// </summary>
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IActingCaller>(sp => sp.GetRequiredService<CurrentUser>());

        services.AddAuthentication(AuthNames.SmartScheme)
            .AddPolicyScheme(AuthNames.SmartScheme, "Bearer token or partner API key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(AuthNames.ApiKeyHeader) ? AuthNames.ApiKeyScheme : AuthNames.BearerScheme)
            .AddJwtBearer(AuthNames.BearerScheme, options =>
            {
                options.MapInboundClaims = false;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthNames.ApiKeyScheme, null)
            .AddCookie(AuthNames.DashboardScheme, options =>
            {
                options.Cookie.Name = "modular.dashboard";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
                // Sent to the dashboard only: no other page of the host ever sees it.
                options.Cookie.Path = "/hangfire";
                options.LoginPath = "/account/login";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(AuthNames.SmartScheme)
                .RequireAuthenticatedUser().Build())
            .AddPolicy(AuthNames.StaffPolicy, policy => policy
                .AddAuthenticationSchemes(AuthNames.SmartScheme)
                .RequireClaim(AuthNames.KindClaim, AuthNames.StaffKind))
            .AddPolicy(AuthNames.AdminPolicy, policy => policy
                .AddAuthenticationSchemes(AuthNames.SmartScheme)
                .RequireClaim(AuthNames.KindClaim, AuthNames.StaffKind)
                .RequireClaim(AuthNames.RoleClaim, Roles.Admin))
            .AddPolicy(AuthNames.PartnerPolicy, policy => policy
                .AddAuthenticationSchemes(AuthNames.SmartScheme)
                .RequireClaim(AuthNames.KindClaim, AuthNames.PartnerKind));

        return services;
    }
}
