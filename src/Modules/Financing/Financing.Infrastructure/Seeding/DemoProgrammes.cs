using Financing.Application.Programmes;
using Financing.Application.Programmes.DefineProgramme;
using Financing.Application.Programmes.OpenProgramme;
using Financing.Contracts;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Contracts;

namespace Financing.Infrastructure.Seeding;

/// <summary>
/// The articles' programmes for a local run (Programmes stage): Taounate's INDH AGR programme with
/// its 30 % rule, Nador's 2025 programme for women and people with disabilities, the Dakhla
/// Initiative with its honour loans, and the Khémisset HCAR programme the caravan feeds. Funders are
/// found by name through Partnerships' Contracts; each programme is defined and opened through the
/// module's own commands, and found by code first so that every start leaves them as they are.
/// </summary>
internal static class DemoProgrammes
{
    private sealed record Funder(string Name, decimal Envelope);

    private sealed record Definition(
        string Code, string NameFr, string NameAr, string Description, DateOnly StartsOn, DateOnly EndsOn, string Province,
        TargetCategory[] Targets, bool AllowsGroups, decimal MaximumProjectCost, decimal MaximumGrant, decimal OwnContributionRate,
        FinancingInstrument[] Instruments, TrancheInput[] Tranches, Funder[] Funders);

    private static readonly TrancheInput[] SixtyThenForty = [new(0.60m, false), new(0.40m, true)];

    private static readonly Definition[] Programmes =
    [
        new("INDH-AGR-TAOUNATE-2025", "Activités génératrices de revenus – Taounate 2025", "الأنشطة المدرة للدخل – تاونات 2025",
            "Programme INDH d'appui aux activités génératrices de revenus de la province de Taounate, cofinancé par le Conseil provincial; apport personnel de 30 %.",
            new(2025, 1, 1), new(2027, 12, 31), "03.531", [], true, 150_000.00m, 100_000.00m, 0.30m,
            [FinancingInstrument.Grant], SixtyThenForty,
            [new("INDH", 3_500_000.00m), new("Conseil provincial de Taounate", 1_500_000.00m)]),
        new("INDH-AGR-NADOR-2025", "Programme AGR Nador 2025 – femmes et personnes en situation de handicap", "برنامج الأنشطة المدرة للدخل الناظور 2025 – النساء والأشخاص في وضعية إعاقة",
            "Appui aux projets des femmes en situation difficile et des personnes en situation de handicap de la province de Nador.",
            new(2025, 1, 1), new(2027, 12, 31), "02.381", [TargetCategory.WomanInDifficultSituation, TargetCategory.PersonWithDisability], true, 120_000.00m, 80_000.00m, 0.30m,
            [FinancingInstrument.Grant], SixtyThenForty,
            [new("INDH", 2_000_000.00m), new("Conseil provincial de Nador", 1_000_000.00m)]),
        new("ADS-INITIATIVE-DAKHLA-2025", "Initiative Dakhla 2025", "مبادرة الداخلة 2025",
            "Programme de l'Agence de Développement Social à Dakhla: subventions et prêts d'honneur à taux zéro pour les porteurs de projets.",
            new(2025, 1, 1), new(2027, 12, 31), "12.391", [], true, 100_000.00m, 60_000.00m, 0.10m,
            [FinancingInstrument.Grant, FinancingInstrument.HonourLoan], SixtyThenForty,
            [new("ADS", 2_500_000.00m)]),
        new("HCAR-AGR-KHEMISSET-2021", "AGR des familles d'anciens résistants – Khémisset", "الأنشطة المدرة للدخل لفائدة أسر قدماء المقاومين – الخميسات",
            "Programme du HCAR et de l'INDH pour les familles d'anciens résistants de la province de Khémisset; la caravane du 29 novembre 2021 au 4 janvier 2022 l'alimente.",
            new(2021, 11, 1), new(2027, 12, 31), "04.291", [], true, 100_000.00m, 70_000.00m, 0.30m,
            [FinancingInstrument.Grant], SixtyThenForty,
            [new("HCAR", 1_200_000.00m), new("INDH", 800_000.00m)]),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var partners = await sender.Send(new FindPartnersByNameQuery(Programmes.SelectMany(p => p.Funders).Select(f => f.Name).Distinct().ToList()), cancellationToken);
        foreach (var programme in Programmes)
        {
            await SeedOneAsync(services, programme, partners, cancellationToken);
        }
    }

    private static async Task SeedOneAsync(IServiceProvider services, Definition p, IReadOnlyList<PartnerInfo> partners, CancellationToken cancellationToken)
    {
        // One scope (one unit of work) per command, as an HTTP request would have.
        await using (var scope = services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            if (await sender.Send(new FindProgrammeByCodeQuery(p.Code), cancellationToken) is not null)
            {
                return;
            }
        }

        var funders = new List<FunderInput>();
        foreach (var funder in p.Funders)
        {
            var partner = partners.FirstOrDefault(x =>
                string.Equals(x.Acronym, funder.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(x.Name, funder.Name, StringComparison.OrdinalIgnoreCase));
            if (partner is null)
            {
                // Without its funders a programme cannot open; leave it for a start where Partnerships has them.
                return;
            }

            funders.Add(new FunderInput(partner.PartnerId, funder.Envelope));
        }

        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new DefineProgrammeCommand(
                    p.Code, p.NameFr, p.NameAr, p.Description, p.StartsOn, p.EndsOn, [p.Province], p.Targets, true, p.AllowsGroups,
                    18, 65, p.MaximumProjectCost, p.MaximumGrant, p.OwnContributionRate, p.Instruments, p.Tranches, 6, 24, null, funders),
                cancellationToken);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenProgrammeCommand(id), cancellationToken);
        }
    }
}
