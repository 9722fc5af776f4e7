using BuildingBlocks.Domain;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Application.Mentors.GetMentor;
using Mentoring.Application.Mentors.RegisterMentor;
using Mentoring.Application.Mentors.UpdateMentor;
using Mentoring.Application.Projects.AssignMentor;
using Mentoring.Application.Projects.GetMentorSuggestions;
using Mentoring.Application.Visits.ReportVisit;
using Mentoring.Application.Visits.RescheduleVisit;
using Mentoring.Domain;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Contracts;

namespace Mentoring.Infrastructure.Seeding;

/// <summary>
/// Mentoring's part of the demo story (FollowUp stage), through the API's own commands and
/// queries: the demo mentors with their organisations (found by name in Partnerships), then every
/// project Financing's demo approvals opened gets the best-ranked mentor of its province with room
/// (the suggestions' own ranking), and its visit plan. Of the projects assigned in this run, one in
/// three has its first visit reported at once (a first visit on the day of the assignment), one in
/// three has it brought forward to the next days with the reason, so that the first reminder-job
/// run emails their mentors. Nothing overdue: the demo's approvals are made today and a visit
/// cannot be moved into the past, so only time makes a visit late. Safe at every start: mentors are
/// looked up by address, and only projects still waiting for a mentor are touched.
/// </summary>
internal static class DemoFollowUp
{
    private static readonly (RegisterMentorCommand Mentor, string Organisation)[] Mentors =
    [
        (new("Karima Boutahar (incubateur social ATPE Nador)", "incubateur.atpe@nador.demo.local", "+212 536 60 12 34", "ar", null,
            [Sector.Crafts, Sector.Commerce, Sector.Services, Sector.AgriFood], ["02.381"], 12, true, null), "ATPE"),
        (new("Mohamed Amrani", "m.amrani@nador.demo.local", "+212 661 45 78 90", "fr", null,
            [Sector.Fishing, Sector.AgriFood, Sector.Livestock], ["02.381"], 8, true, null), "ATPE"),
        (new("Fatima Zahra Alaoui", "fz.alaoui@taounate.demo.local", "+212 662 11 22 33", "ar", null,
            [Sector.Agriculture, Sector.Livestock, Sector.AgriFood], ["03.531"], 10, true, null), "INDH"),
        (new("Said El Idrissi", "s.elidrissi@dakhla.demo.local", "+212 663 44 55 66", "fr", null,
            [Sector.Fishing, Sector.Tourism, Sector.Services], ["12.391"], 10, true, null), "Association Dakhla Initiatives Locales"),
        (new("Hassan Ouazzani", "h.ouazzani@khemisset.demo.local", "+212 664 77 88 99", "fr", null,
            [Sector.Agriculture, Sector.Livestock, Sector.Crafts], ["04.291"], 10, true, null), "ANAPEC"),
    ];

    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        await SeedMentorsAsync(services, cancellationToken);
        await AssignAsync(services, clock, cancellationToken);
    }

    private static async Task SeedMentorsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<IMentoringDbContext>();
        var partners = await sender.Send(new FindPartnersByNameQuery(Mentors.Select(m => m.Organisation).Distinct().ToList()), cancellationToken);
        foreach (var (mentor, organisation) in Mentors)
        {
            var partner = partners.FirstOrDefault(p => Names(p).Contains(organisation, StringComparer.OrdinalIgnoreCase))?.PartnerId;
            var existing = await db.Mentors.AsNoTracking().Where(m => m.Email == mentor.Email).Select(m => new { m.Id, m.OrganisationId }).FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                await sender.Send(mentor with { OrganisationId = partner }, cancellationToken);
            }
            else if (existing.OrganisationId is null && partner is not null)
            {
                // Registered by an earlier start, before Partnerships could be asked by name.
                var read = await sender.Send(new GetMentorQuery(existing.Id.Value), cancellationToken);
                await sender.Send(
                    new UpdateMentorCommand(
                        read.Id, read.Version, read.Name, read.Email, read.Phone, read.Language, partner,
                        read.Sectors, read.Provinces, read.Capacity, read.Active, read.StaffUserId),
                    cancellationToken);
            }
        }
    }

    private static IEnumerable<string> Names(PartnerInfo partner) =>
        new[] { partner.Acronym, partner.Name, partner.NameAr }.Where(n => n is not null)!;

    private static async Task AssignAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        List<Guid> waiting;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IMentoringDbContext>();
            waiting = await db.Projects.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Status == ProjectStatus.AwaitingMentor)
                .OrderBy(p => p.ApprovedOn).ThenBy(p => p.Id)
                .Select(p => p.Id.Value)
                .ToListAsync(cancellationToken);
        }

        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(clock.GetUtcNow()).DateTime);
        var assigned = 0;
        foreach (var project in waiting)
        {
            // One scope per project: each command is its own transaction, as through the API.
            await using var scope = services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var suggestions = await sender.Send(new GetMentorSuggestionsQuery(project), cancellationToken);
            if (suggestions.FirstOrDefault(s => s.ProvinceMatch && s.FreeCapacity > 0) is not { } mentor)
            {
                continue;
            }

            await sender.Send(new AssignMentorCommand(project, mentor.MentorId, false), cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<IMentoringDbContext>();
            var projectId = new ProjectId(project);
            var first = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
                .SelectMany(p => p.Visits).OrderBy(v => v.Number).Select(v => v.Id.Value).FirstAsync(cancellationToken);
            switch (assigned++ % 3)
            {
                case 0:
                    await sender.Send(
                        new ReportVisitCommand(
                            first, today, VisitMode.OnSite, EnterpriseState.Active, 4_500.00m, 1, 1,
                            "Approvisionnement irrégulier en matière première.", "Tenir un cahier de caisse quotidien ; grouper les achats avec la coopérative voisine.", true),
                        cancellationToken);
                    break;
                case 1:
                    await sender.Send(
                        new RescheduleVisitCommand(first, today.AddDays(2), "Premier passage avancé : l'activité démarre cette semaine."),
                        cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }
}
