using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Modules;
using Financing.Application.Abstractions;
using BuildingBlocks.Infrastructure.Jobs;
using Financing.Infrastructure.Endpoints;
using Financing.Infrastructure.Jobs;
using Financing.Infrastructure.Persistence;
using Financing.Infrastructure.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Financing.Infrastructure;

/// <summary>Programmes and their envelopes; (next) committees, financing plans, tranches and loans.</summary>
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
        services.AddScoped<IFinancingDbContext>(sp => sp.GetRequiredService<FinancingDbContext>());
        services.DescribeApiTag("Programmes", "Financing programmes: eligibility rules, instruments, tranche and follow-up policies, funders' envelopes and budgets.");
        services.DescribeApiTag("Committees", "Selection committee sessions of a programme: members, agenda, minutes, and their decisions (approve with a plan, reject with a reason, defer).");
        services.DescribeApiTag("Financings", "Approved projects' financing plans and the tranches their grants are paid in.");
        services.DescribeApiTag("Loans", "Honour and partner loans of approved plans: schedules, repayments and arrears.");
        services.AddOptions<LoanArrearsOptions>().Bind(configuration.GetSection(LoanArrearsOptions.Section));
        services.AddSingleton<LoanAgeing>();
        services.AddTransient(sp => new LoanArrearsJob(sp.GetRequiredService<LoanAgeing>()));
        services.AddSingleton<IRecurringJobs, FinancingRecurringJobs>();
        return services;
    }

    /// <summary>The module's part of each stage of the demo story (see <see cref="DemoStory"/>).</summary>
    public static Task SeedDemoDataAsync(IServiceProvider services, IConfiguration configuration, DemoStage stage, CancellationToken cancellationToken) =>
        stage switch
        {
            DemoStage.Programmes => DemoProgrammes.SeedAsync(services, cancellationToken),
            DemoStage.Decisions => DemoDecisions.SeedAsync(services, cancellationToken),
            DemoStage.FollowUp => DemoDecisions.AgeLoansAsync(services, cancellationToken),
            _ => Task.CompletedTask,
        };

    public static IEndpointRouteBuilder MapFinancingEndpoints(this IEndpointRouteBuilder app) => app.MapProgrammeEndpoints().MapFinancings().MapCommittees().MapLoans();
}
