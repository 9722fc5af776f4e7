using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Application.Mentors.RegisterMentor;
using Mentoring.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Infrastructure.Seeding;

/// <summary>
/// Demo mentors for a local run, in the articles' provinces, registered through the API's own
/// command; skipped when one with the same address exists, so it is safe at every start. Their
/// organisations are left empty: Partnerships' contract looks partners up by id only, and the demo
/// partners' ids are made at their registration. No demo projects: projects come only from
/// Financing's approvals, which have no demo data yet.
/// </summary>
internal static class DemoMentors
{
    private static readonly RegisterMentorCommand[] Mentors =
    [
        new("Karima Boutahar (incubateur social ATPE Nador)", "incubateur.atpe@nador.demo.local", "+212 536 60 12 34", "ar", null, [Sector.Crafts, Sector.Commerce, Sector.Services], ["02.381"], 12, true, null),
        new("Mohamed Amrani", "m.amrani@nador.demo.local", "+212 661 45 78 90", "fr", null, [Sector.Fishing, Sector.AgriFood], ["02.381"], 8, true, null),
        new("Fatima Zahra Alaoui", "fz.alaoui@taounate.demo.local", "+212 662 11 22 33", "ar", null, [Sector.Agriculture, Sector.Livestock, Sector.AgriFood], ["03.531"], 10, true, null),
        new("Said El Idrissi", "s.elidrissi@dakhla.demo.local", "+212 663 44 55 66", "fr", null, [Sector.Fishing, Sector.Tourism], ["12.391"], 6, true, null),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<IMentoringDbContext>();
        foreach (var mentor in Mentors)
        {
            if (!await db.Mentors.AnyAsync(m => m.Email == mentor.Email, cancellationToken))
            {
                await sender.Send(mentor, cancellationToken);
            }
        }
    }
}
