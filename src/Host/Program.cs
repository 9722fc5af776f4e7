using BuildingBlocks.Application.Behaviours;
using BuildingBlocks.Infrastructure.Email;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Jobs;
using BuildingBlocks.Infrastructure.Logging;
using BuildingBlocks.Infrastructure.Messaging;
using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Persistence;
using BuildingBlocks.Infrastructure.Security;
using Host;
using Identity.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

if (!builder.Environment.IsDevelopment())
{
    builder.Logging.AddJsonLogLines();
}

builder.Logging.AddPersonalDataRedaction();

builder.Services.TryAddSingleton<TimeProvider>(DatabaseClock.Instance);
builder.Services
    .AddDatabase(configuration)
    .AddMessaging(configuration)
    .AddCallerAuthentication()
    .AddApiConventions(configuration)
    .AddJobs(configuration)
    .AddEmail(configuration)
    .AddIdempotency()
    .AddAntiforgery();

foreach (var module in HostedModules.All)
{
    module.AddServices(builder.Services, configuration);
}

// The generator scans every referenced assembly, so a module's handlers cannot be left out by a
// forgotten list entry. Scoped: handlers use the request's DbContext.
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors =
    [
        typeof(LoggingBehaviour<,>),
        // Authorise before validating: a caller who may not send the command learns nothing of its rules.
        typeof(CommandAuthorisationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(UnitOfWorkBehaviour<,>),
    ];
});

var app = builder.Build();

var migrateOnly = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);
if (migrateOnly || configuration.GetValue("Database:MigrateOnStartup", true))
{
    await DatabaseRegistration.MigrateAsync(app.Services, CancellationToken.None);
}

await IdentityModule.SeedRolesAndBootstrapAdminAsync(app.Services, CancellationToken.None);
if (migrateOnly)
{
    return;
}

if (configuration.GetValue("Seed:Demo", false))
{
    await DemoStory.TellAsync(
        app.Services,
        async stage =>
        {
            foreach (var module in HostedModules.All)
            {
                if (module.SeedDemoData is { } seed)
                {
                    await seed(app.Services, configuration, stage, CancellationToken.None);
                }
            }
        },
        CancellationToken.None);
}

app.UseApiConventions();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseIdempotency();
app.UseAntiforgery();
app.UseJobs();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", scalar =>
    {
        scalar.WithTitle("Programmes AGR — API").AddPreferredSecuritySchemes(AuthNames.BearerScheme);
        // A public agency's reference page: no telemetry, no AI chat, no vendor toolbar.
        scalar.Telemetry = false;
        scalar.Agent = new ScalarAgentOptions { Disabled = true };
        scalar.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        scalar.DotNetFlag = false;
    })
    .AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapGet("/", () => Results.Redirect("/docs")).ExcludeFromDescription().AllowAnonymous();

app.MapMessagingOperationsEndpoints();
foreach (var module in HostedModules.All)
{
    module.MapEndpoints(app);
}

await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
