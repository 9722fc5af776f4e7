using Applicants.Application.Persons.RegisterPerson;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Exceptions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Applicants.Infrastructure.Seeding;

/// <summary>
/// Demo project holders for a local run, in the four provinces the source articles describe
/// (Taounate, Khémisset, Nador, Oued Ed-Dahab), with Arabic and Latin names and the vulnerability
/// categories the programmes target. Registered through the API's own command, so the events flow;
/// safe to run at every start (a CIN already registered is left as it is). Invented people.
/// </summary>
internal static class DemoPersons
{
    private static readonly DateOnly Consented = new(2025, 10, 6);

    private static readonly RegisterPersonCommand[] Persons =
    [
        Person("CD301245", "Fatima Zahra", "El Idrissi", "فاطمة الزهراء", "الإدريسي", Sex.Female, new(1991, 3, 14), "0661234501", "03.531.03.03", EducationLevel.Primary, 5, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.InformallyEmployed),
        Person("CD415872", "Mohamed", "Ouazzani", "محمد", "الوزاني", Sex.Male, new(2001, 7, 2), "0662345602", "03.531.03.05", EducationLevel.LowerSecondary, 7, Disability.None, [VulnerabilityCategory.RuralYouth, VulnerabilityCategory.NotInEmploymentEducationOrTraining], EmploymentStatus.Unemployed),
        Person("CD508843", "Khadija", "Bennani", "خديجة", "بناني", Sex.Female, new(1985, 11, 23), "0663456703", "03.531.01.01", EducationLevel.None, 4, Disability.Motor, [VulnerabilityCategory.PersonWithDisability], EmploymentStatus.Inactive),
        Person("X219934", "Youssef", "Amrani", "يوسف", "العمراني", Sex.Male, new(1999, 1, 30), "0664567804", "04.291.01.03", EducationLevel.Vocational, 6, Disability.None, [VulnerabilityCategory.RuralYouth], EmploymentStatus.Unemployed),
        Person("X305561", "Naima", "Chraibi", "نعيمة", "الشرايبي", Sex.Female, new(1979, 5, 9), "0665678905", "04.291.01.01", EducationLevel.Primary, 3, Disability.None, [VulnerabilityCategory.FamilyOfFormerResistanceMember], EmploymentStatus.SelfEmployed),
        Person("S128807", "Abdelkader", "Boukhari", "عبد القادر", "البخاري", Sex.Male, new(1994, 9, 17), "0666789006", "02.381.01.03", EducationLevel.UpperSecondary, 5, Disability.Hearing, [VulnerabilityCategory.PersonWithDisability], EmploymentStatus.Unemployed),
        Person("SH99214", "Mbarka", "Lahbib", "مباركة", "لحبيب", Sex.Female, new(1988, 12, 1), "0667890107", "12.391.01.01", EducationLevel.Literacy, 6, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.InformallyEmployed),
        Person("SH10452", "Brahim", "Ould Sidi", "إبراهيم", "ولد سيدي", Sex.Male, new(2003, 4, 21), "0668901208", "12.391.05.01", EducationLevel.LowerSecondary, 8, Disability.None, [VulnerabilityCategory.RuralYouth], EmploymentStatus.Unemployed),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        foreach (var person in Persons)
        {
            try
            {
                await sender.Send(person, cancellationToken);
            }
            catch (ConflictException)
            {
                // Already there from an earlier start.
            }
        }
    }

    private static RegisterPersonCommand Person(
        string cin, string firstName, string lastName, string firstNameAr, string lastNameAr, Sex sex, DateOnly birthDate, string phone,
        string commune, EducationLevel education, int household, Disability disability, VulnerabilityCategory[] categories, EmploymentStatus employment) =>
        new(cin, firstName, lastName, firstNameAr, lastNameAr, sex, birthDate, phone, null, commune, education, household, disability, categories, null, employment, Consented);
}
