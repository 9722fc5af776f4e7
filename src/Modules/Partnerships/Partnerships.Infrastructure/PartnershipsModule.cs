using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Jobs;
using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Reminders;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partnerships.Application.Abstractions;
using Partnerships.Application.Webhooks;
using Partnerships.Infrastructure.Endpoints;
using Partnerships.Infrastructure.Jobs;
using Partnerships.Infrastructure.Persistence;
using Partnerships.Infrastructure.Reminders;
using Partnerships.Infrastructure.Security;
using Partnerships.Infrastructure.Seeding;
using Partnerships.Infrastructure.Webhooks;

namespace Partnerships.Infrastructure;

/// <summary>Partner organisations, their API keys, and (next) conventions, commitments and committees.</summary>
public static class PartnershipsModule
{
    public static readonly ModuleDefinition Definition = new(
        "Partnerships",
        PartnershipsDbContext.SchemaName,
        typeof(PartnershipsDbContext),
        Application.AssemblyReference.Assembly,
        typeof(Contracts.PartnerRegisteredIntegrationEvent).Assembly,
        typeof(PartnershipsModule).Assembly);

    public static IServiceCollection AddPartnershipsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<PartnershipsDbContext>(Definition);
        services.AddScoped<IPartnershipsDbContext>(sp => sp.GetRequiredService<PartnershipsDbContext>());
        services.AddScoped<IApiKeyStore, PartnerApiKeyStore>();
        services.AddPartnerRateLimit(configuration);
        services.AddSingleton<IRecurringJobs, PartnershipsRecurringJobs>();
        services.AddTransient<ConventionStatusJob>();
        services.AddReminderLedger(configuration);
        services.AddOptions<ConventionReminderOptions>().Bind(configuration.GetSection(ConventionReminderOptions.Section));
        services.AddSingleton<ConventionReminderEmails>();
        services.AddSingleton<ConventionReminders>();
        services.AddTransient(sp => new ConventionRemindersJob(sp.GetRequiredService<ConventionReminders>()));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddTransient<WebhookSender>();
        services.AddTransient(sp => new WebhookDeliveryJob(sp.GetRequiredService<WebhookSender>()));
        // No redirects: a partner's receiver answers where it was registered, nowhere else; and only
        // on a public address, whatever its name resolves to at the moment of posting.
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnections.Handler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopbackHttp));
        services.DescribeApiTag("Partners", "Partner organisations the agency works with (associations, cooperatives, public bodies, banks), and their systems' API keys.");
        services.DescribeApiTag("Conventions", "Partnership conventions between the agency and its partners: parties and roles, terms, commitments and deliverables, signature, amendments, renewal and termination.");
        services.DescribeApiTag("Partner systems", "What a partner's own information system reaches with its X-Api-Key: only its own data.");
        return services;
    }

    public static IEndpointRouteBuilder MapPartnershipsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPartnerEndpoints().MapWebhookEndpoints().MapConventionEndpoints().MapJointCommitteeEndpoints();

    /// <summary>Its part of the demo story: partners, registered through the same command as the API.</summary>
    public static Task SeedDemoDataAsync(IServiceProvider services, IConfiguration configuration, DemoStage stage, CancellationToken cancellationToken) =>
        stage switch
        {
            DemoStage.Reference => SeedReferenceAsync(services, cancellationToken),
            _ => Task.CompletedTask,
        };

    private static async Task SeedReferenceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await DemoPartners.SeedAsync(services, cancellationToken);
        await DemoConventions.SeedAsync(services, cancellationToken);
    }
}
