using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Jobs;
using BuildingBlocks.Infrastructure.Modules;
using BuildingBlocks.Infrastructure.Reminders;
using Mentoring.Application.Abstractions;
using Mentoring.Infrastructure.Endpoints;
using Mentoring.Infrastructure.Jobs;
using Mentoring.Infrastructure.Persistence;
using Mentoring.Infrastructure.Reminders;
using Mentoring.Infrastructure.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Infrastructure;

/// <summary>Mentors, the projects they follow and their visits, and the reminders that keep them on schedule.</summary>
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
        services.AddScoped<IMentoringDbContext>(sp => sp.GetRequiredService<MentoringDbContext>());
        services.AddReminderLedger(configuration);
        services.AddOptions<MentorReminderOptions>().Bind(configuration.GetSection(MentorReminderOptions.Section));
        services.AddSingleton<MentorReminderEmails>();
        services.AddSingleton<MentorReminders>();
        services.AddTransient(sp => new MentorRemindersJob(sp.GetRequiredService<MentorReminders>()));
        services.AddSingleton<IRecurringJobs, MentoringRecurringJobs>();
        services.DescribeApiTag("Mentors", "Mentors and incubator staff who accompany financed projects: their sectors, provinces, capacity and language.");
        services.DescribeApiTag("Trainings", "Training sessions and workshops for project holders (project management, productivity, marketing, accounting): enrolments, attendance and each holder's record.");
        services.DescribeApiTag("Mentoring", "Financed projects waiting for a mentor or in follow-up: suggestions, assignments, the visit plan and visit reports.");
        return services;
    }

    /// <summary>Its part of the demo story: mentors, their assignment to the approved projects, visit plans, a few reports and visits due soon.</summary>
    public static Task SeedDemoDataAsync(IServiceProvider services, IConfiguration configuration, DemoStage stage, CancellationToken cancellationToken) =>
        stage switch
        {
            DemoStage.FollowUp => DemoFollowUp.SeedAsync(services, services.GetRequiredService<TimeProvider>(), cancellationToken),
            _ => Task.CompletedTask,
        };

    public static IEndpointRouteBuilder MapMentoringEndpoints(this IEndpointRouteBuilder app) =>
        app.MapMentorEndpoints().MapProjectEndpoints().MapTrainingEndpoints();
}
