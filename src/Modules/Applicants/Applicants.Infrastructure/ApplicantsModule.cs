using BuildingBlocks.Infrastructure.Modules;
using Applicants.Infrastructure.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Applicants.Infrastructure;

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
        return services;
    }

    /// <summary>No endpoint yet: the Applicants issue adds them here.</summary>
    public static IEndpointRouteBuilder MapApplicantsEndpoints(this IEndpointRouteBuilder app) => app;
}
