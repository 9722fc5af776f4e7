using BuildingBlocks.Infrastructure.Modules;
using Financing.Infrastructure.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Financing.Infrastructure;

public static class FinancingModule
{
    public static readonly ModuleDefinition Definition = new(
        "Financing",
        FinancingDbContext.SchemaName,
        typeof(FinancingDbContext),
        Application.AssemblyReference.Assembly,
        Contracts.AssemblyReference.Assembly,
        typeof(FinancingModule).Assembly);

    public static IServiceCollection AddFinancingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<FinancingDbContext>(Definition);
        return services;
    }

    /// <summary>No endpoint yet: the Financing issue adds them here.</summary>
    public static IEndpointRouteBuilder MapFinancingEndpoints(this IEndpointRouteBuilder app) => app;
}
