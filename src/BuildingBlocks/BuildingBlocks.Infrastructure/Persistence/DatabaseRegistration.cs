using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Postgres";

    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromHours(1);

    /// <summary>One Npgsql data source (one pool) for every module, Identity, Hangfire and the dispatcher.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // No DISCARD ALL when a connection goes back to the pool (two per request, issue 13):
            // nothing here leaves session state behind — no SET, no session advisory lock, no
            // temporary table; transactions always end in COMMIT or ROLLBACK — and the prepared
            // statements it would throw away are worth keeping.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            // Statements are prepared on the server once they have been sent twice on a connection
            // (issue 13): EF and the inbox send the same few statements over and over, and a
            // prepared one skips PostgreSQL's parsing and planning. Left as configured when the
            // connection string says otherwise (Max Auto Prepare=0 turns it off).
            if (!HasSetting(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }

            return builder.Build();
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("postgres", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    /// <summary>
    /// A DbContext on the shared data source, in its own schema, with its migrations-history table
    /// in that schema and snake_case names: how every context of the application is registered.
    /// A context whose only constructor takes its options alone is pooled (issue 13): a scope rents
    /// one and gives it back at its end, instead of building EF's services for every request; a
    /// <see cref="ModuleDbContext"/> gets the scope's caller bound for that lease. There is no
    /// factory: a pooled context is only ever the context of a scope.
    /// </summary>
    public static IServiceCollection AddSchemaDbContext<TContext>(this IServiceCollection services, string schema, string? migrationsAssembly = null)
        where TContext : DbContext
    {
        // Remembered so that MigrateAsync migrates every context, a module's or not, without a list.
        services.AddSingleton(new SchemaContext(typeof(TContext)));

        void Configure(IServiceProvider sp, DbContextOptionsBuilder options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history", schema);
                // An aggregate's collections are a few rows each (a programme's funders and
                // tranches): one statement and one snapshot beat a round trip per collection.
                npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);
                if (migrationsAssembly is not null)
                {
                    npgsql.MigrationsAssembly(migrationsAssembly);
                }
            })
            .UseSnakeCaseNamingConvention()
            // The province guard for bulk statements; it lets every context that is not a module's pass.
            .AddInterceptors(BulkOperationGuard.Instance, WriteCounter.Instance)
            // A young module has no entity configuration yet; that is not worth a warning at every start.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.NoEntityTypeConfigurationsWarning));

        if (!IsPoolable(typeof(TContext)))
        {
            // A context taking services in its constructor cannot be pooled: one per scope, as before.
            return services.AddDbContext<TContext>(Configure);
        }

        // EF's scoped pooling: the scope rents through a lease of its own, which alone gives the
        // context back, once, when the scope ends; the context's Dispose does nothing to the pool.
        // A context taken from a factory (a "standalone" lease) goes back on its own Dispose instead,
        // and the scope calls that once for every service it was resolved as — a module's context is
        // also its IXxxDbContext — so the second call gave back a context that another request had
        // rented meanwhile (issue 13: one context leased to two requests, the second reading with the
        // first's provinces, or failing with "a command is already in progress").
        services.AddDbContextPool<TContext>(Configure);
        var leased = services.LastOrDefault(d => d.ServiceType == typeof(TContext) && !d.IsKeyedService)?.ImplementationFactory
            ?? throw new InvalidOperationException($"EF Core registered {typeof(TContext).Name} in an unexpected way: the pooled context cannot be bound to its scope's caller.");
        services.RemoveAll<TContext>();
        services.AddScoped(sp =>
        {
            var context = (TContext)leased(sp);
            if (context is ModuleDbContext module)
            {
                // Resolved after EF's lease, so disposed before it (a scope disposes in reverse order):
                // the caller is unbound and the held connection closed before the context goes back.
                sp.GetRequiredService<ScopeBinding<TContext>>().Bind(module);
            }

            return context;
        });
        services.AddScoped<ScopeBinding<TContext>>();
        return services;
    }

    /// <summary>EF's pool builds a context from its options alone: one public constructor taking only them.</summary>
    private static bool IsPoolable(Type context)
    {
        var constructors = context.GetConstructors();
        return constructors.Length == 1
            && constructors[0].GetParameters() is [{ ParameterType: var options }]
            && typeof(DbContextOptions).IsAssignableFrom(options);
    }

    /// <summary>
    /// Creates the database when missing, then applies the migrations of every context registered
    /// through <see cref="AddSchemaDbContext{TContext}"/> (the platform's and every module's). EF takes a lock, so hosts starting together do not collide.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        // From configuration, not from the data source: the data source no longer holds the password.
        await CreateDatabaseIfMissingAsync(
            scope.ServiceProvider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)!,
            cancellationToken);
        var contexts = scope.ServiceProvider.GetServices<SchemaContext>()
            .Select(registered => (DbContext)scope.ServiceProvider.GetRequiredService(registered.ContextType));
        foreach (var db in contexts)
        {
            // EF reads the history table before creating it and logs the failure as an error on
            // every first start; creating it first (with EF's own script) keeps the log truthful.
            var schema = db.Model.GetDefaultSchema();
            var history = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
            // The schema is the context's own constant and the script EF's: no input reaches this SQL.
            var script = string.Concat("CREATE SCHEMA IF NOT EXISTS \"", schema, "\";\n", history);
            await db.Database.ExecuteSqlRawAsync(script, cancellationToken);
            // A migration that rewrites a national-scale table (PersonNameTokens re-keys a million
            // persons in about four minutes) must not be cut off by the 30 s of an ordinary command.
            db.Database.SetCommandTimeout(MigrationCommandTimeout);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    private static bool HasSetting(string connectionString, params string[] keys)
    {
        var settings = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(settings.ContainsKey);
    }

    private static async Task CreateDatabaseIfMissingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// Ready when the database answers. EF's own check answers "unhealthy" when the probe itself is
/// cancelled, and the health service logs that as an error; a prober that went away gets nothing
/// logged but a cancelled request.
/// </summary>
internal sealed class DatabaseReadiness(PlatformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message, e);
        }
    }
}

/// <summary>A DbContext registered in its own schema, to be migrated at start-up.</summary>
internal sealed record SchemaContext(Type ContextType);

/// <summary>
/// A scope's hold on the pooled module context it rented: binds the scope's caller to it, and when
/// the scope ends — just before EF's lease gives the context back — forgets the caller and closes
/// the connection the unit of work held. Once: the scope disposes this object once, whatever
/// number of services the context was resolved as.
/// </summary>
internal sealed class ScopeBinding<TContext>(ICurrentUser caller) : IAsyncDisposable, IDisposable
    where TContext : DbContext
{
    private ModuleDbContext? _context;
    private object? _lease;

    public void Bind(ModuleDbContext context)
    {
        _lease = context.Lease(caller);
        _context = context;
    }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _context, null) is { } context ? context.ReleaseAsync(_lease!) : ValueTask.CompletedTask;

    public void Dispose() => Interlocked.Exchange(ref _context, null)?.Release(_lease!);
}
