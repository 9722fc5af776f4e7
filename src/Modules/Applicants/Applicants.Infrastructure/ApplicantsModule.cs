using Applicants.Application.Abstractions;
using Applicants.Infrastructure.Endpoints;
using Applicants.Infrastructure.Persistence;
using Applicants.Infrastructure.Seeding;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Applicants.Infrastructure;

/// <summary>Morocco's reference geography, persons, and (next) groups, applications, campaigns and imports.</summary>
public static class ApplicantsModule
{
    public static readonly ModuleDefinition Definition = new(
        "Applicants",
        ApplicantsDbContext.SchemaName,
        typeof(ApplicantsDbContext),
        Application.AssemblyReference.Assembly,
        Contracts.AssemblyReference.Assembly,
        typeof(ApplicantsModule).Assembly);

    public static IServiceCollection AddApplicantsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<ApplicantsDbContext>(Definition);
        services.AddScoped<IApplicantsDbContext>(sp => sp.GetRequiredService<ApplicantsDbContext>());
        services.DescribeApiTag("Geography", "Morocco's administrative division (HCP codes): 12 regions, 75 provinces and prefectures, 1,503 communes, in French and Arabic.");
        services.Configure<Imports.PersonImportOptions>(configuration.GetSection(Imports.PersonImportOptions.Section));
        services.AddTransient<Imports.PersonImportJob>();
        services.AddTransient<Jobs.StuckImportsJob>();
        services.AddSingleton<BuildingBlocks.Infrastructure.Jobs.IRecurringJobs, Jobs.ApplicantsRecurringJobs>();
        services.DescribeApiTag("Imports", "Registrations collected in the field, loaded from a spreadsheet (CSV or XLSX) and registered line by line by a worker.");
        services.DescribeApiTag("Groups", "Cooperatives and associations that hold a project together; their members are registered persons, through whom beneficiaries are counted.");
        services.DescribeApiTag("Campaigns", "Outreach campaigns (caravans) that travel from commune to commune; applications registered at a stop are attributed to it.");
        services.DescribeApiTag("Applicants", "Persons who apply for a programme (project holders): identity, situation, consent, and where they live.");
        return services;
    }

    /// <summary>Its part of the demo story (<c>Seed:Demo</c>): project holders, groups, the Khémisset caravan, applications assessed.</summary>
    public static Task SeedDemoDataAsync(IServiceProvider services, IConfiguration configuration, DemoStage stage, CancellationToken cancellationToken) =>
        stage switch
        {
            DemoStage.Registrations => SeedRegistrationsAsync(services, cancellationToken),
            _ => Task.CompletedTask,
        };

    private static async Task SeedRegistrationsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await DemoPersons.SeedAsync(services, cancellationToken);
        await DemoRegistrations.SeedAsync(services, cancellationToken);
    }

    public static IEndpointRouteBuilder MapApplicantsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGeographyEndpoints().MapPersonEndpoints().MapGroupEndpoints().MapCampaignEndpoints().MapImportEndpoints().MapDuplicateEndpoints().MapApplicationEndpoints()
            .MapReferralEndpoints();
}
