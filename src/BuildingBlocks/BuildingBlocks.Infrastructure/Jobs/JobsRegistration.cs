using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Jobs;

public static class JobsRegistration
{
    /// <summary>Hangfire on PostgreSQL (schema <c>hangfire</c>), with workers in this host when enabled.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton<IRecurringJobs, HeartbeatRecurringJobs>();
        services.AddTransient<HeartbeatJob>();
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<Retention>();
        services.AddSingleton<IRecurringJobs, RetentionRecurringJobs>();
        services.AddTransient<RetentionJob>();
        // Each host builds its own storage on its own data source. Hangfire's default resolves the
        // process-wide JobStorage.Current, which the last host configured in the process would own.
        services.AddSingleton<JobStorage>(sp => new PostgreSqlStorage(
            new DataSourceConnectionFactory(sp.GetRequiredService<NpgsqlDataSource>()),
            new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
                // A job running longer than the invisibility timeout would be taken again by another worker.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            }));
        // Likewise the activator: Hangfire's default is the process-wide JobActivator.Current.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (options.ServerEnabled)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return services;
    }

    /// <summary>Registers every module's recurring jobs, and the dashboard at <c>/hangfire</c> for administrators.</summary>
    public static WebApplication UseJobs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var jobs in app.Services.GetServices<IRecurringJobs>())
        {
            jobs.Register(manager);
        }

        // A browser has no bearer token: the dashboard uses its own cookie, set by /account/login.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (context, next) =>
            {
                var result = await context.AuthenticateAsync(AuthNames.DashboardScheme);
                if (!result.Succeeded)
                {
                    context.Response.Redirect("/account/login?returnUrl=%2Fhangfire");
                    return;
                }

                context.User = result.Principal;
                await next(context);
            }));
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardFilter()],
            DashboardTitle = "Jobs",
            AppPath = "/docs",
        }).AllowAnonymous();
        return app;
    }

    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.HasClaim(AuthNames.RoleClaim, Roles.Admin);
    }

    /// <summary>Hangfire's connections come from the application's one data source (one pool, one configuration).</summary>
    private sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
    }
}
