using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BuildingBlocks.Infrastructure.Security;

public static class SecurityRegistration
{
    /// <summary>
    /// Staff accounts (Identity, schema <c>identity</c>), bearer tokens for staff, <c>X-Api-Key</c>
    /// for partner systems, a cookie only for the Hangfire dashboard, and the policies endpoints use.
    /// </summary>
    public static IServiceCollection AddStaffAndPartnerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<StaffCredentials>();

        services.AddSchemaDbContext<StaffIdentityDbContext>(StaffIdentityDbContext.Schema);

        services.DescribeApiTag("Authentication", "Staff sign-in: a bearer token for the API, from an email and a password.");
        services.AddDataProtection()
            .SetApplicationName("modular")
            .PersistKeysToDbContext<StaffIdentityDbContext>();

        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
                options.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<StaffIdentityDbContext>()
            .AddSignInManager();

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
                options.LoginPath = "/account/login";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        // The bearer validator must use the issuer's key, which may have been generated at start-up.
        services.AddOptions<JwtBearerOptions>(AuthNames.BearerScheme)
            .Configure<AccessTokenIssuer>((options, issuer) =>
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer.Options.Issuer,
                    ValidAudience = issuer.Options.Audience,
                    IssuerSigningKey = issuer.SigningKey,
                    NameClaimType = AuthNames.SubjectClaim,
                    RoleClaimType = AuthNames.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
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

    /// <summary>Creates the roles, and the first administrator from configuration when there is none.</summary>
    public static async Task SeedRolesAndBootstrapAdminAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }), $"role {role}");
            }
        }

        var bootstrap = scope.ServiceProvider.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail) || string.IsNullOrWhiteSpace(bootstrap.AdminPassword))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(bootstrap.AdminEmail) is not null)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var admin = new StaffUser { Email = bootstrap.AdminEmail, UserName = bootstrap.AdminEmail, DisplayName = "Administrator", EmailConfirmed = true };
        EnsureSucceeded(await users.CreateAsync(admin, bootstrap.AdminPassword), "bootstrap administrator");
        EnsureSucceeded(await users.AddToRoleAsync(admin, Roles.Admin), "bootstrap administrator's role");
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
