using BuildingBlocks.Application.Security;
using Identity.Infrastructure.SignIn;
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
        var admin = new StaffUser { Email = bootstrap.AdminEmail, UserName = bootstrap.AdminEmail, DisplayName = "Administrator", EmailConfirmed = true };
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

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await EnsureStaffAsync(users, "officer.taounate@demo.local", "Officer, Taounate", Roles.Officer, ["03.531"], password);
        await EnsureStaffAsync(users, "manager@demo.local", "Programme manager", Roles.ProgramManager, [], password);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureStaffAsync(users, "auditor@demo.local", "Auditor", Roles.Auditor, [], password);
    }

    private static async Task EnsureStaffAsync(UserManager<StaffUser> users, string email, string name, string role, List<string> provinces, string password)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new StaffUser { Email = email, UserName = email, DisplayName = name, EmailConfirmed = true, Provinces = provinces };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            await users.AddToRoleAsync(user, role);
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
