using BuildingBlocks.Infrastructure.Modules;
using Mentoring.Infrastructure.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Infrastructure;

public static class MentoringModule
{
    public static readonly ModuleDefinition Definition = new(
        "Mentoring",
        MentoringDbContext.SchemaName,
        typeof(MentoringDbContext),
        Application.AssemblyReference.Assembly,
        Contracts.AssemblyReference.Assembly,
        typeof(MentoringModule).Assembly);

    public static IServiceCollection AddMentoringModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<MentoringDbContext>(Definition);
        return services;
    }

    /// <summary>No endpoint yet: the Mentoring issue adds them here.</summary>
    public static IEndpointRouteBuilder MapMentoringEndpoints(this IEndpointRouteBuilder app) => app;
}
