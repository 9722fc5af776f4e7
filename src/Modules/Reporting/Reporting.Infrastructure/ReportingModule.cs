using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application.Abstractions;
using Reporting.Infrastructure.Endpoints;
using Reporting.Infrastructure.Persistence;

namespace Reporting.Infrastructure;

/// <summary>Read models fed only by other modules' integration events, and the reports drawn from them.</summary>
public static class ReportingModule
{
    public static readonly ModuleDefinition Definition = new(
        "Reporting",
        ReportingDbContext.SchemaName,
        typeof(ReportingDbContext),
        Application.AssemblyReference.Assembly,
        Contracts.AssemblyReference.Assembly,
        typeof(ReportingModule).Assembly);

    public static IServiceCollection AddReportingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<ReportingDbContext>(Definition);
        services.AddScoped<IReportingDbContext>(sp => sp.GetRequiredService<ReportingDbContext>());
        services.DescribeApiTag("Reports", "Indicators for funders and managers, built from the other modules' events.");
        return services;
    }

    public static IEndpointRouteBuilder MapReportingEndpoints(this IEndpointRouteBuilder app) => app.MapReportEndpoints();
}
