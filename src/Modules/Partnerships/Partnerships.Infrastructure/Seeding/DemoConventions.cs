using BuildingBlocks.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Application.Abstractions;
using Partnerships.Application.Conventions;
using Partnerships.Application.Conventions.Committees;
using Partnerships.Contracts;
using Partnerships.Domain.Conventions;

namespace Partnerships.Infrastructure.Seeding;

/// <summary>
/// The articles' conventions, through the same commands as the API, in the states a year of work
/// leaves them: the ADS × HCAR framework convention with its joint central committee and annual
/// action plan, Nador's convention with its social incubator (a deliverable already late), and
/// Dakhla's four conventions signed on the programme's launch day (one in force, one expiring within
/// 60 days of the demo's start, one expired, one terminated), plus Taounate's convention still in draft. Looked up by
/// reference before creating, so safe at every start.
/// </summary>
internal static class DemoConventions
{
    /// <summary>The day ADS launched "Dakhla Initiative" and signed its four conventions.</summary>
    public static readonly DateOnly DakhlaLaunchDay = new(2025, 3, 4);

    private const string Manager = "partenariats@ads.demo";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<IPartnershipsDbContext>();
        var partners = (await sender.Send(
                new FindPartnersByNameQuery(["ADS", "HCAR", "INDH", "ATPE", "CPDH Taounate", "Conseil provincial de Nador", "Conseil provincial de Taounate",
                    "Association Dakhla Initiatives Locales", "Association Oued Ed-Dahab pour le Développement Social",
                    "Association Femmes Entrepreneures de Dakhla", "Coopérative Al Bahr de Dakhla"]),
                cancellationToken))
            .ToList();
        Guid Id(string name) => partners.First(p => string.Equals(p.Acronym, name, StringComparison.OrdinalIgnoreCase) || p.Name == name).PartnerId;

        async Task<Guid?> DraftAsync(string reference, string title, ConventionKind kind, string? province, int months, PartyInput[] parties, ObligationInput[] obligations, CommitmentInput[] commitments)
        {
            // Each convention is created once; an earlier start left it as it is now.
            if (await db.Conventions.IgnoreQueryFilters().AnyAsync(c => c.Reference == reference, cancellationToken))
            {
                return null;
            }

            return await sender.Send(
                new DraftConventionCommand(reference, title, kind, province, Manager, parties, months, province is null ? [] : [province], [], commitments, obligations),
                cancellationToken);
        }

        async Task SignAsync(Guid id, DateOnly signedOn, DateOnly effectiveOn)
        {
            var read = await sender.Send(new GetConventionQuery(id), cancellationToken);
            await sender.Send(new SignConventionCommand(id, read.Version, signedOn, effectiveOn), cancellationToken);
        }

        // ADS × High Commission: the Commission refers its members' projects, ADS supports them and reports each stage.
        if (await DraftAsync(
                "ADS-HCAR-2021/CC",
                "Convention-cadre de partenariat entre l'Agence de Développement Social et le Haut-Commissariat aux Anciens Résistants et Anciens Membres de l'Armée de Libération",
                ConventionKind.Framework,
                null,
                72,
                [new PartyInput(Id("HCAR"), PartyRole.Referrer), new PartyInput(Id("ADS"), PartyRole.Implementer)],
                [new ObligationInput(Id("ADS"), "Informer régulièrement le Haut-Commissariat des étapes franchies par chaque projet", new DateOnly(2026, 12, 31))],
                []) is { } framework)
        {
            await SignAsync(framework, new DateOnly(2021, 6, 10), new DateOnly(2021, 7, 1));
            await sender.Send(
                new SetCommitteeCommand(framework, [
                    new JointCommitteeMemberInput("Directrice des partenariats", Id("ADS"), "Représentante de l'ADS, co-présidente"),
                    new JointCommitteeMemberInput("Directeur de l'action sociale", Id("HCAR"), "Représentant du Haut-Commissariat, co-président"),
                    new JointCommitteeMemberInput("Chargé de suivi des conventions", null, "Secrétariat du comité"),
                ]),
                cancellationToken);
            await sender.Send(
                new RecordMeetingCommand(
                    framework,
                    new DateOnly(2026, 1, 20),
                    ["Directrice des partenariats", "Directeur de l'action sociale", "Chargé de suivi des conventions"],
                    "Bilan 2025 : projets proposés par le Haut-Commissariat, accompagnés et financés ; préparation du plan d'action 2026.",
                    ["Adopter le plan d'action 2026", "Lancer une campagne d'information auprès des membres à Khémisset"]),
                cancellationToken);
            await sender.Send(
                new PlanYearCommand(framework, 2026, [
                    new ActionPlanActivityInput("Informer les membres et proposer des projets éligibles", "60 candidats proposés", Id("HCAR"), 70),
                    new ActionPlanActivityInput("Accompagner les coopératives et associations retenues", "25 projets accompagnés", Id("ADS"), 55),
                    new ActionPlanActivityInput("Rendre compte des étapes de chaque projet", "Un rapport trimestriel", Id("ADS"), 75),
                ]),
                cancellationToken);
        }

        // Nador 2025: the provincial council funds, the ATPE incubates women in difficult situations and people with disabilities.
        if (await DraftAsync(
                "NADOR-ATPE-2025/AGR",
                "Programme AGR au profit des femmes en situation difficile et des personnes en situation de handicap — incubation sociale",
                ConventionKind.Specific,
                "02.381",
                36,
                [new PartyInput(Id("Conseil provincial de Nador"), PartyRole.Funder), new PartyInput(Id("ATPE"), PartyRole.Incubator)],
                [
                    new ObligationInput(Id("ATPE"), "Rapport semestriel d'incubation (encadrement, formations, ateliers)", new DateOnly(2025, 10, 31)),
                    new ObligationInput(Id("ATPE"), "Rapport semestriel d'incubation (second semestre)", new DateOnly(2026, 4, 30)),
                ],
                [
                    new CommitmentInput(Id("Conseil provincial de Nador"), Money.Mad(1_200_000m), "Financement des AGR et de l'incubation", [
                        new InstalmentInput(new DateOnly(2025, 4, 15), Money.Mad(600_000m)),
                        new InstalmentInput(new DateOnly(2026, 4, 15), Money.Mad(600_000m)),
                    ]),
                ]) is { } nador)
        {
            await SignAsync(nador, new DateOnly(2025, 3, 20), new DateOnly(2025, 4, 1));
            var first = (await sender.Send(new GetObligationsQuery(nador), cancellationToken)).OrderBy(o => o.DueOn).First();
            await sender.Send(new SettleObligationCommand(nador, first.Id, ObligationStatus.Done, new DateOnly(2025, 11, 3)), cancellationToken);
        }

        // Dakhla Initiative: four conventions with local associations, all signed on launch day.
        // The second one runs one month past the current one, whenever the demo is started: it is always expiring within 60 days.
        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
        var expiringSoon = Math.Max(1, ((today.Year - DakhlaLaunchDay.Year) * 12) + today.Month - DakhlaLaunchDay.Month + 1);
        var dakhla = new (string Reference, string Partner, int Months)[]
        {
            ("DAKHLA-INIT-2025/01", "Association Dakhla Initiatives Locales", 36),
            ("DAKHLA-INIT-2025/02", "Association Oued Ed-Dahab pour le Développement Social", expiringSoon),
            ("DAKHLA-INIT-2025/03", "Association Femmes Entrepreneures de Dakhla", 12),
            ("DAKHLA-INIT-2025/04", "Coopérative Al Bahr de Dakhla", 36),
        };
        foreach (var (reference, partner, months) in dakhla)
        {
            if (await DraftAsync(
                    reference,
                    "Dakhla Initiative — information, orientation, accompagnement, formation et financement des porteurs d'activités individuelles",
                    ConventionKind.Specific,
                    "12.391",
                    months,
                    [new PartyInput(Id("ADS"), PartyRole.Funder), new PartyInput(Id(partner), PartyRole.Implementer)],
                    [],
                    []) is not { } id)
            {
                continue;
            }

            await SignAsync(id, DakhlaLaunchDay, DakhlaLaunchDay);
            if (reference.EndsWith("/04", StringComparison.Ordinal))
            {
                var read = await sender.Send(new GetConventionQuery(id), cancellationToken);
                await sender.Send(new TerminateConventionCommand(id, read.Version, new DateOnly(2026, 6, 30), "La coopérative a cessé son activité de pêche artisanale."), cancellationToken);
            }
        }

        // Taounate: the provincial committee of human development and the provincial council, still being negotiated.
        await DraftAsync(
            "TAOUNATE-INDH-2025/AGR",
            "Programme transversal AGR de la province de Taounate",
            ConventionKind.Specific,
            "03.531",
            36,
            [new PartyInput(Id("CPDH Taounate"), PartyRole.Funder), new PartyInput(Id("Conseil provincial de Taounate"), PartyRole.Funder)],
            [],
            []);
    }
}
