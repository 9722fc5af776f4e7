using BuildingBlocks.Infrastructure.Modules;
using IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

/// <summary>
/// Each module's model, as the conventions build it, is the one its migrations describe: a change
/// to a convention that would alter a table fails here until a migration is added.
/// </summary>
public sealed class ModelSnapshotTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void No_module_has_model_changes_its_migrations_do_not_hold()
    {
        using var scope = api.Services.CreateScope();
        var modules = api.Services.GetRequiredService<ModuleCatalog>().Modules;

        modules.Should().NotBeEmpty();
        modules.Where(m => ((DbContext)scope.ServiceProvider.GetRequiredService(m.DbContextType)).Database.HasPendingModelChanges())
            .Select(m => m.Name)
            .Should().BeEmpty();
    }

    [Fact]
    public void The_identity_model_has_no_changes_its_migrations_do_not_hold()
    {
        // Identity's context is not a ModuleDbContext (ADR 0007), so the catalog above does not list it.
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Identity.Infrastructure.Persistence.StaffIdentityDbContext>();

        db.Database.HasPendingModelChanges().Should().BeFalse();
    }
}
