using Applicants.Infrastructure;
using BuildingBlocks.Infrastructure.Modules;
using Financing.Infrastructure;
using Identity.Infrastructure;
using Mentoring.Infrastructure;
using Partnerships.Infrastructure;
using Reporting.Infrastructure;

namespace Host;

/// <summary>
/// How the host composes one module, through its registration class and nothing deeper: its
/// services, its endpoints, and (optionally) its part of each stage of the demo story for a local run.
/// </summary>
internal sealed record HostedModule(
    Func<IServiceCollection, IConfiguration, IServiceCollection> AddServices,
    Func<IEndpointRouteBuilder, IEndpointRouteBuilder> MapEndpoints,
    Func<IServiceProvider, IConfiguration, DemoStage, CancellationToken, Task>? SeedDemoData = null)
{
    private const string InfrastructureSuffix = ".Infrastructure";

    /// <summary>The module's registration class, e.g. <c>PartnershipsModule</c>.</summary>
    public Type Registration => AddServices.Method.DeclaringType!;

    /// <summary>The module's name, from its Infrastructure assembly (<c>Partnerships.Infrastructure</c>).</summary>
    public string Name => Registration.Assembly.GetName().Name! is var assembly && assembly.EndsWith(InfrastructureSuffix, StringComparison.Ordinal)
        ? assembly[..^InfrastructureSuffix.Length]
        : throw new InvalidOperationException($"{Registration.FullName} is not declared in a module's Infrastructure assembly.");
}

/// <summary>
/// The modules of the application, listed once. Program composes them from this list; Host.csproj
/// references every <c>src/Modules/*/*.Infrastructure</c> project by a glob; the architecture and
/// subscription tests read this list, and a test holds it equal to the folders under src/Modules.
/// </summary>
internal static class HostedModules
{
    public static readonly IReadOnlyList<HostedModule> All =
    [
        new(IdentityModule.AddIdentityModule, IdentityModule.MapIdentityEndpoints, IdentityModule.SeedDemoDataAsync),
        new(ApplicantsModule.AddApplicantsModule, ApplicantsModule.MapApplicantsEndpoints, ApplicantsModule.SeedDemoDataAsync),
        new(FinancingModule.AddFinancingModule, FinancingModule.MapFinancingEndpoints, FinancingModule.SeedDemoDataAsync),
        new(MentoringModule.AddMentoringModule, MentoringModule.MapMentoringEndpoints, MentoringModule.SeedDemoDataAsync),
        new(PartnershipsModule.AddPartnershipsModule, PartnershipsModule.MapPartnershipsEndpoints, PartnershipsModule.SeedDemoDataAsync),
        new(ReportingModule.AddReportingModule, ReportingModule.MapReportingEndpoints),
    ];
}
