using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using BuildingBlocks.Infrastructure.Security;
using Identity.Application;
using Identity.Application.Accounts;
using Identity.Application.Passwords;
using Identity.Contracts;
using Identity.Infrastructure.Endpoints;
using Identity.Infrastructure.Persistence;
using Identity.Infrastructure.Seeding;
using Identity.Infrastructure.Sessions;
using Identity.Infrastructure.SignIn;
using Identity.Infrastructure.StaffAccounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Infrastructure;

/// <summary>
/// Staff accounts (ASP.NET Core Identity, schema <c>identity</c>), their login and bearer tokens,
/// the dashboard's sign-in page, and the data-protection keys every host shares. Next: staff
/// administration, <c>GET /api/v1/me</c> and the audit trail.
/// </summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<StaffCredentials>();
        services.AddScoped<SignInAlerts>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddIdentityApplication();
        services.AddScoped<IStaffAccounts, StaffAccountStore>();
        services.AddSingleton<AccountSessions>();
        services.AddHostedService<PasswordResetSender>();
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, AccountLanguage>();
        services.Configure<PasswordLinkOptions>(configuration.GetSection("PasswordLinks"));
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = (configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions()).PasswordLinkLifetime);

        services.AddSchemaDbContext<StaffIdentityDbContext>(StaffIdentityDbContext.Schema);

        services.DescribeApiTag("Authentication", "Staff sign-in: a bearer token for the API, from an email and a password; choosing, changing and resetting a password.");
        services.DescribeApiTag("Staff accounts", "The agency's staff accounts: administrators create and manage them; everyone reads his own.");

        // The keys stay where they have always been: antiforgery tokens and the dashboard cookie
        // must be readable by every host behind the load balancer.
        services.AddDataProtection()
            .SetApplicationName("modular")
            .PersistKeysToDbContext<StaffIdentityDbContext>();

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Lockout stays available to lock an account on purpose; failed sign-ins never set it
                // (StaffCredentials throttles and slows down instead), so an attacker cannot lock anyone out.
                options.Lockout.AllowedForNewUsers = true;
                // The policy is Identity.Application's PasswordPolicy (length, not the email, not a
                // common password), checked where the email is known; no composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = Application.Passwords.PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<StaffIdentityDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders();

        // The bearer scheme is the building blocks' mechanism; the key that checks the tokens is
        // the issuer's, which may have been generated at start-up.
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

        // Sessions end when the account does: each request's token is held against the account's
        // current state (AccountSessions), which also supplies its current roles and provinces.
        services.AddOptions<JwtBearerOptions>(AuthNames.BearerScheme)
            .Configure<AccountSessions>((options, sessions) =>
            {
                options.Events ??= new JwtBearerEvents();
                var validated = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await validated(context);
                    var db = context.HttpContext.RequestServices.GetRequiredService<StaffIdentityDbContext>();
                    AccountSessions.CachedAccount? account;
                    try
                    {
                        account = context.Principal is null ? null : await sessions.CheckAsync(context.Principal, db, context.HttpContext.RequestAborted);
                    }
                    catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
                    {
                        // The caller went away while his session was checked: no answer reaches him.
                        // Left to escape, the cancellation is logged by the bearer handler as an error.
                        context.Fail("The request was abandoned by the client.");
                        return;
                    }

                    if (account is null)
                    {
                        context.Fail("The session has ended: the account was deactivated or its password or stamp changed.");
                        return;
                    }

                    context.HttpContext.Items[AccountLanguage.Item] = account.Language;
                };
            });

        return services;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app) =>
        app.MapAuthEndpoints().MapPasswordEndpoints().MapStaffAccountEndpoints().MapDashboardLogin();

    /// <summary>Creates the roles, and the first administrator from configuration when there is none.</summary>
    public static Task SeedRolesAndBootstrapAdminAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        StaffSeeding.SeedRolesAndBootstrapAdminAsync(services, cancellationToken);

    /// <summary>Its part of the demo story: an officer of Taounate, a programme manager and an auditor.</summary>
    public static Task SeedDemoDataAsync(IServiceProvider services, IConfiguration configuration, DemoStage stage, CancellationToken cancellationToken) =>
        stage switch
        {
            DemoStage.Reference => StaffSeeding.SeedDemoStaffAsync(services, configuration, cancellationToken),
            _ => Task.CompletedTask,
        };
}
