using BuildingBlocks.Application.Exceptions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Application.Partners;
using Partnerships.Application.Partners.GetPartner;
using Partnerships.Application.Partners.RegisterPartner;
using Partnerships.Application.Partners.UpdatePartner;
using Partnerships.Contracts;
using Partnerships.Domain.Partners;

namespace Partnerships.Infrastructure.Seeding;

/// <summary>
/// Demo partners for a local run, from the source articles: the bodies they name and the four
/// provinces they describe. Goes through the same commands as the API, so the events flow and
/// the reports count them. Safe to run at every start.
/// </summary>
internal static class DemoPartners
{
    private static readonly RegisterPartnerCommand[] Partners =
    [
        new("Initiative Nationale pour le Développement Humain", "المبادرة الوطنية للتنمية البشرية", "INDH", PartnerType.PublicAgency, null, null, null),
        new("Agence de Développement Social", "وكالة التنمية الاجتماعية", "ADS", PartnerType.PublicAgency, null, null, null),
        new("Conseil provincial de Taounate", "المجلس الإقليمي لتاونات", null, PartnerType.ProvincialCouncil, "03.531", null, null),
        new("Conseil provincial de Khémisset", "المجلس الإقليمي للخميسات", null, PartnerType.ProvincialCouncil, "04.291", null, null),
        new("Haut-Commissariat aux Anciens Résistants et Anciens Membres de l'Armée de Libération", "المندوبية السامية لقدماء المقاومين وأعضاء جيش التحرير", "HCAR", PartnerType.PublicAgency, null, null, null),
        new("Agence Nationale de Promotion de l'Emploi et des Compétences", "الوكالة الوطنية لإنعاش التشغيل والكفاءات", "ANAPEC", PartnerType.PublicAgency, null, null, null),
        new("Office du Développement de la Coopération", "مكتب تنمية التعاون", "ODCO", PartnerType.PublicAgency, null, null, null),
        new("Crédit Agricole du Maroc", "القرض الفلاحي للمغرب", "CAM", PartnerType.Bank, null, null, null),
        new("Organisation Internationale du Travail", "المكتب الدولي للعمل", "OIT", PartnerType.InternationalOrganisation, null, null, null),
        new("Maroc Taswiq", "مغرب تسويق", null, PartnerType.PublicAgency, null, null, null),
        new("Conseil provincial de Nador", "المجلس الإقليمي للناظور", null, PartnerType.ProvincialCouncil, "02.381", null, null),
        // The article's social incubator of Nador's AGR programme.
        new("Association des Très Petites Entreprises de Nador", "جمعية المقاولات الصغيرة جدا بالناظور", "ATPE", PartnerType.SocialIncubator, "02.381", null, null),
        new("Comité provincial de développement humain de Taounate", "اللجنة الإقليمية للتنمية البشرية بتاونات", "CPDH Taounate", PartnerType.PublicAgency, "03.531", null, null),
        new("Association Dakhla Initiatives Locales", "جمعية الداخلة للمبادرات المحلية", null, PartnerType.Association, "12.391", null, null),
        new("Association Oued Ed-Dahab pour le Développement Social", "جمعية وادي الذهب للتنمية الاجتماعية", null, PartnerType.Association, "12.391", null, null),
        new("Association Femmes Entrepreneures de Dakhla", "جمعية النساء المقاولات بالداخلة", null, PartnerType.Association, "12.391", null, null),
        new("Coopérative Al Bahr de Dakhla", "تعاونية البحر بالداخلة", null, PartnerType.Cooperative, "12.391", null, null),
        new("Coopérative Agricole Taounate", "التعاونية الفلاحية تاونات", null, PartnerType.Cooperative, "03.531", null, null),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        foreach (var partner in Partners)
        {
            try
            {
                await sender.Send(partner, cancellationToken);
            }
            catch (ConflictException)
            {
                await CorrectKindAsync(sender, partner, cancellationToken);
            }
        }
    }

    /// <summary>A database seeded by an earlier release keeps the old kind (ATPE as an association): the seed corrects it, through the same command as the API.</summary>
    private static async Task CorrectKindAsync(ISender sender, RegisterPartnerCommand partner, CancellationToken cancellationToken)
    {
        var found = (await sender.Send(new FindPartnersByNameQuery([partner.Name!]), cancellationToken))
            .FirstOrDefault(p => p.Name == partner.Name);
        if (found is null || found.Type == partner.Type!.Value.ToString())
        {
            return;
        }

        var current = await sender.Send(new GetPartnerQuery(found.PartnerId), cancellationToken);
        await sender.Send(
            new UpdatePartnerCommand(
                current.Id, current.Version, current.Name, current.NameAr, current.Acronym, partner.Type, current.ProvinceCode, current.ContactEmail, current.ContactPhone,
                current.Ice, current.RegistrationNumber, [.. current.Contacts.Select(c => new PartnerContactInput(c.Name, c.Role, c.Email, c.Phone))], current.ProvincesOfAction),
            cancellationToken);
    }
}
