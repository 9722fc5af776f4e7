using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>One Npgsql data source (one pool) for every module, Identity, Hangfire and the dispatcher.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddHealthChecks()
            .AddDbContextCheck<StaffIdentityDbContext>("postgres", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    /// <summary>
    /// A DbContext on the shared data source, in its own schema, with its migrations-history table
    /// in that schema and snake_case names: how every context of the application is registered.
    /// </summary>
    public static IServiceCollection AddSchemaDbContext<TContext>(this IServiceCollection services, string schema, string? migrationsAssembly = null)
        where TContext : DbContext =>
        services.AddDbContext<TContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history", schema);
                if (migrationsAssembly is not null)
                {
                    npgsql.MigrationsAssembly(migrationsAssembly);
                }
            })
            .UseSnakeCaseNamingConvention()
            // A young module has no entity configuration yet; that is not worth a warning at every start.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.NoEntityTypeConfigurationsWarning)));

    /// <summary>Applies Identity's and the platform's migrations, then every module's. EF takes a lock, so hosts starting together do not collide.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>().Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.MigrateAsync(cancellationToken);
        foreach (var module in scope.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
