using BuildingBlocks.Application.Security;
using Identity.Application.Accounts;
using Identity.Application.Accounts.CreateStaffAccount;
using Identity.Application.Passwords.SetPassword;
using Identity.Infrastructure.SignIn;
using Mediator;
using Identity.Infrastructure.StaffAccounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.Infrastructure.Seeding;

/// <summary>The roles, the first administrator, and the demo staff of a local run. Safe to run at every start.</summary>
internal static class StaffSeeding
{
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
        var admin = new StaffUser
        {
            Email = bootstrap.AdminEmail,
            UserName = bootstrap.AdminEmail,
            DisplayName = "Administrator",
            EmailConfirmed = true,
            CreatedOn = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        EnsureSucceeded(await users.CreateAsync(admin, bootstrap.AdminPassword), "bootstrap administrator");
        EnsureSucceeded(await users.AddToRoleAsync(admin, Roles.Admin), "bootstrap administrator's role");
    }

    public static async Task SeedDemoStaffAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        // Demo staff share the administrator's (generated, never committed) password.
        if (configuration[$"{BootstrapOptions.Section}:{nameof(BootstrapOptions.AdminPassword)}"] is not { Length: > 0 } password)
        {
            return;
        }

        await EnsureStaffAsync(services, "officer.taounate@demo.local", "Officer, Taounate", "مكلف، تاونات", StaffRole.Officer, ["03.531"], password, cancellationToken);
        await EnsureStaffAsync(services, "manager@demo.local", "Programme manager", null, StaffRole.ProgramManager, [], password, cancellationToken);
        await EnsureStaffAsync(services, "auditor@demo.local", "Auditor", null, StaffRole.Auditor, [], password, cancellationToken);
    }

    /// <summary>
    /// Through the same commands as the API: the account is created (its welcome email goes to the
    /// pickup directory) and its password set with the token that email carries.
    /// </summary>
    private static async Task EnsureStaffAsync(
        IServiceProvider services, string email, string name, string? nameAr, StaffRole role, List<string> provinces, string password, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IStaffAccounts>();
        if (await accounts.FindByEmailAsync(email, cancellationToken) is not null)
        {
            return;
        }

        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var id = await sender.Send(new CreateStaffAccountCommand(email, name, nameAr, null, [role], provinces, null), cancellationToken);
        var token = await accounts.IssuePasswordTokenAsync(id, cancellationToken);
        await sender.Send(new SetPasswordCommand(email, token, password), cancellationToken);
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
