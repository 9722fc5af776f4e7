using Applicants.Application.Applications.AssessEligibility;
using Applicants.Application.Applications.GetApplications;
using Applicants.Application.Applications.SubmitApplication;
using Applicants.Application.Applications.WithdrawApplication;
using Applicants.Application.Campaigns;
using Applicants.Application.Groups;
using Applicants.Application.Groups.GetGroups;
using Applicants.Application.Groups.RegisterGroup;
using Applicants.Application.Persons.GetPersons;
using Applicants.Domain.Applications;
using Applicants.Domain.Groups;
using Financing.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Contracts;

namespace Applicants.Infrastructure.Seeding;

/// <summary>
/// The demo's registrations after its persons: two groups, the Khémisset caravan of 29 November
/// 2021 – 4 January 2022 (HCAR) with its stops, and applications to the four demo programmes,
/// assessed for eligibility — most eligible, four not (own contribution too low, outside the
/// targeted groups, a grant or a cost over the ceiling), one withdrawn, two referred by partners
/// (ATPE in Nador, an association in Dakhla: their status feeds show them). Through the module's own
/// commands, so that the stage changes reach Financing and Partnerships; a programme that already
/// has applications is left as it is, so every start is safe. Invented projects.
/// </summary>
internal static class DemoRegistrations
{
    public const string CaravanName = "Caravane de l'entrepreneuriat – Khémisset 2021";

    private static readonly (string Number, string Name, string NameAr, LegalForm Form, DateOnly Created, string Commune, (string Cin, MemberRole Role)[] Members)[] Groups =
    [
        ("ODCO-2019-04291-117", "Coopérative Nissae Zemmour", "تعاونية نساء زمور", LegalForm.Cooperative, new(2019, 3, 8), "04.291.01.03",
            [("X423347", MemberRole.President), ("X467781", MemberRole.Treasurer), ("X445569", MemberRole.Secretary), ("X305561", MemberRole.Member)]),
        ("ASSO-TAO-2016-042", "Association Tissa pour le développement rural", "جمعية تيسة للتنمية القروية", LegalForm.Association, new(2016, 5, 21), "03.531.01.09",
            [("CD602317", MemberRole.President), ("CD634620", MemberRole.Treasurer), ("CD415872", MemberRole.Member)]),
    ];

    private static readonly (string Commune, DateOnly Date)[] CaravanStops =
    [
        ("04.291.01.01", new(2021, 11, 29)),
        ("04.291.01.03", new(2021, 12, 6)),
        ("04.291.01.05", new(2021, 12, 13)),
        ("04.291.03.01", new(2021, 12, 20)),
        ("04.291.03.07", new(2022, 1, 4)),
    ];

    /// <summary>Holder: a CIN, or a group's registration number. Stop: an index in <see cref="CaravanStops"/>. Withdraw: after the assessment. ReferredBy: the referring partner's acronym or name.</summary>
    private sealed record Filing(string Holder, string Title, Sector Sector, string Commune, decimal Total, decimal Requested, decimal Own, int Jobs, int? Stop = null, string? Withdraw = null, string? ReferredBy = null);

    private static readonly (string Programme, Filing[] Filings)[] Applications =
    [
        ("INDH-AGR-TAOUNATE-2025",
        [
            new("CD301245", "Atelier de couture traditionnelle", Sector.Crafts, "03.531.03.03", 60_000m, 42_000m, 18_000m, 2),
            new("CD508843", "Épicerie de proximité à Rhafsai", Sector.Commerce, "03.531.01.01", 45_000m, 31_500m, 13_500m, 1),
            new("CD623519", "Unité de séchage de figues", Sector.AgriFood, "03.531.01.05", 120_000m, 84_000m, 36_000m, 4),
            new("ASSO-TAO-2016-042", "Apiculture collective à Tissa", Sector.Agriculture, "03.531.01.09", 140_000m, 98_000m, 42_000m, 6),
            new("CD645731", "Élevage de poulets fermiers", Sector.Livestock, "03.531.03.03", 50_000m, 35_000m, 15_000m, 2),
            // Ineligible: brings 10 % where the programme asks 30 %.
            new("CD611408", "Atelier de menuiserie", Sector.Crafts, "03.531.03.01", 80_000m, 72_000m, 8_000m, 2),
        ]),
        ("INDH-AGR-NADOR-2025",
        [
            new("S128807", "Réparation de téléphones portables", Sector.Services, "02.381.01.03", 40_000m, 28_000m, 12_000m, 1),
            new("S230145", "Couscous roulé à la main", Sector.AgriFood, "02.381.01.05", 35_000m, 24_500m, 10_500m, 3),
            new("S241256", "Salon de coiffure à Zaio", Sector.Services, "02.381.01.07", 55_000m, 38_500m, 16_500m, 2),
            new("S274589", "Atelier de broderie", Sector.Crafts, "02.381.01.03", 30_000m, 21_000m, 9_000m, 2, ReferredBy: "ATPE"),
            new("S252367", "Cybercafé accessible", Sector.Services, "02.381.01.19", 70_000m, 49_000m, 21_000m, 2),
            // Ineligible: the programme targets women in a difficult situation and persons with a disability.
            new("S263478", "Location de matériel agricole", Sector.Services, "02.381.01.01", 90_000m, 63_000m, 27_000m, 2),
        ]),
        ("ADS-INITIATIVE-DAKHLA-2025",
        [
            new("SH99214", "Transformation de poisson séché", Sector.Fishing, "12.391.01.01", 70_000m, 55_000m, 15_000m, 3),
            new("SH10452", "Élevage de chamelles laitières", Sector.Livestock, "12.391.05.01", 90_000m, 60_000m, 30_000m, 2),
            new("SH20563", "Couture de melhfas", Sector.Crafts, "12.391.01.01", 25_000m, 20_000m, 5_000m, 1, ReferredBy: "Association Dakhla Initiatives Locales"),
            new("SH21674", "Pêche artisanale : barque et filets", Sector.Fishing, "12.391.09.01", 95_000m, 60_000m, 35_000m, 3),
            new("SH22785", "Agence de tourisme saharien", Sector.Tourism, "12.391.01.01", 80_000m, 60_000m, 20_000m, 2,
                Withdraw: "La porteuse a obtenu un emploi salarié à Dakhla."),
            // Ineligible: asks 70,000 MAD where the programme grants at most 60,000.
            new("SH23896", "Maraîchage sous serre à Imlili", Sector.Agriculture, "12.391.09.03", 100_000m, 70_000m, 30_000m, 3),
        ]),
        ("HCAR-AGR-KHEMISSET-2021",
        [
            new("X219934", "Élevage ovin", Sector.Livestock, "04.291.01.01", 60_000m, 42_000m, 18_000m, 2, Stop: 0),
            new("X456670", "Aviculture", Sector.Livestock, "04.291.01.01", 40_000m, 28_000m, 12_000m, 1, Stop: 0),
            new("ODCO-2019-04291-117", "Transformation de plantes aromatiques", Sector.AgriFood, "04.291.01.03", 100_000m, 70_000m, 30_000m, 8, Stop: 1),
            new("X434458", "Atelier de soudure", Sector.Crafts, "04.291.01.05", 50_000m, 35_000m, 15_000m, 2, Stop: 2),
            new("X412236", "Oliveraie et petit pressoir", Sector.Agriculture, "04.291.03.01", 95_000m, 66_500m, 28_500m, 3, Stop: 3),
            new("X478892", "Kiosque multiservices", Sector.Commerce, "04.291.03.07", 30_000m, 21_000m, 9_000m, 1, Stop: 4),
            // Ineligible: 130,000 MAD, over the programme's 100,000 ceiling.
            new("X305561", "Extension de l'atelier de tissage", Sector.Crafts, "04.291.01.01", 130_000m, 70_000m, 60_000m, 4),
        ]),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var groups = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            groups[group.Number] = await GroupAsync(sender, group, cancellationToken);
        }

        var (campaignId, stops) = await CaravanAsync(sender, cancellationToken);
        foreach (var (code, filings) in Applications)
        {
            var programme = await sender.Send(new FindProgrammeByCodeQuery(code), cancellationToken);
            if (programme is null || programme.Status != "Open"
                || (await sender.Send(new GetApplicationsQuery(programme.ProgrammeId, null, null, null, null, 1, 1), cancellationToken)).TotalCount > 0)
            {
                continue;
            }

            foreach (var filing in filings)
            {
                var isGroup = groups.TryGetValue(filing.Holder, out var groupId);
                var holder = isGroup ? groupId : await PersonAsync(sender, filing.Holder, cancellationToken);
                var onStop = filing.Stop is { } stop;
                // A partner's system refers through POST /api/v1/partner/referrals; the demo, which has
                // no partner system, files those applications as they arrive: in the partner's name.
                var referrer = filing.ReferredBy is { } name ? (await sender.Send(new FindPartnersByNameQuery([name]), cancellationToken)).FirstOrDefault()?.PartnerId : null;
                var id = await sender.Send(new SubmitApplicationCommand(
                    programme.ProgrammeId, isGroup ? HolderKind.Group : HolderKind.Person, holder, filing.Title, filing.Sector, filing.Commune,
                    $"{filing.Title} : projet présenté par le porteur, {filing.Jobs} emploi(s) attendu(s).",
                    filing.Total, filing.Requested, filing.Own, filing.Jobs,
                    onStop ? IntakeChannel.CampaignStop : referrer is null ? IntakeChannel.WalkIn : IntakeChannel.PartnerReferral,
                    onStop ? campaignId : null,
                    onStop ? stops[filing.Stop!.Value] : null,
                    referrer), cancellationToken);
                await sender.Send(new AssessEligibilityCommand(id, null), cancellationToken);
                if (filing.Withdraw is { } reason)
                {
                    await sender.Send(new WithdrawApplicationCommand(id, reason), cancellationToken);
                }
            }
        }
    }

    private static async Task<Guid> PersonAsync(ISender sender, string cin, CancellationToken cancellationToken) =>
        (await sender.Send(new GetPersonsQuery(cin, null, null, null, null), cancellationToken)).Items.Single().Id;

    private static async Task<Guid> GroupAsync(
        ISender sender, (string Number, string Name, string NameAr, LegalForm Form, DateOnly Created, string Commune, (string Cin, MemberRole Role)[] Members) group,
        CancellationToken cancellationToken)
    {
        var existing = await sender.Send(new GetGroupsQuery(group.Number, null, null, group.Form, null), cancellationToken);
        if (existing.Items.FirstOrDefault(g => g.RegistrationNumber == group.Number) is { } found)
        {
            return found.Id;
        }

        var members = new List<GroupMemberInput>();
        foreach (var (cin, role) in group.Members)
        {
            members.Add(new GroupMemberInput(await PersonAsync(sender, cin, cancellationToken), role));
        }

        return await sender.Send(new RegisterGroupCommand(group.Name, group.NameAr, group.Form, group.Number, group.Created, group.Commune, members), cancellationToken);
    }

    private static async Task<(Guid Campaign, Guid[] Stops)> CaravanAsync(ISender sender, CancellationToken cancellationToken)
    {
        var existing = (await sender.Send(new GetCampaignsQuery(CaravanName, null), cancellationToken)).Items.FirstOrDefault(c => c.Name == CaravanName);
        if (existing is null)
        {
            var hcar = (await sender.Send(new FindPartnersByNameQuery(["HCAR"]), cancellationToken)).FirstOrDefault();
            var id = await sender.Send(new PlanCampaignCommand(
                CaravanName,
                hcar?.PartnerId,
                hcar is null ? "Haut-Commissariat aux Anciens Résistants et Anciens Membres de l'Armée de Libération" : null,
                new DateOnly(2021, 11, 29),
                new DateOnly(2022, 1, 4),
                [.. CaravanStops.Select(s => new CampaignStopInput(s.Commune, s.Date))]), cancellationToken);
            existing = await sender.Send(new GetCampaignQuery(id), cancellationToken);
        }

        // Stops by date, as planned: the filings name them by their place in CaravanStops.
        return (existing.Id, [.. CaravanStops.Select(s => existing.Stops.First(x => x.CommuneCode == s.Commune && x.Date == s.Date).Id)]);
    }
}
