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
        Person("CD602317", "Hafsa", "Tahiri", "حفصة", "الطاهري", Sex.Female, new(1996, 2, 11), "0661402309", "03.531.01.09", EducationLevel.UpperSecondary, 4, Disability.None, [VulnerabilityCategory.RuralYouth], EmploymentStatus.Unemployed),
        Person("CD611408", "Rachid", "Bouzidi", "رشيد", "البوزيدي", Sex.Male, new(1983, 8, 25), "0662513410", "03.531.03.01", EducationLevel.Primary, 6, Disability.None, [], EmploymentStatus.SelfEmployed),
        Person("CD623519", "Zineb", "Alaoui", "زينب", "العلوي", Sex.Female, new(1990, 6, 30), "0663624511", "03.531.01.05", EducationLevel.Higher, 3, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.Unemployed),
        Person("CD634620", "Said", "Mernissi", "سعيد", "المرنيسي", Sex.Male, new(1998, 12, 3), "0664735612", "03.531.03.05", EducationLevel.LowerSecondary, 5, Disability.None, [VulnerabilityCategory.RuralYouth], EmploymentStatus.InformallyEmployed),
        Person("CD645731", "Aicha", "Benjelloun", "عائشة", "بنجلون", Sex.Female, new(1987, 4, 19), "0665846713", "03.531.03.03", EducationLevel.Literacy, 7, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation, VulnerabilityCategory.RuralYouth], EmploymentStatus.Inactive),
        Person("X412236", "Hassan", "Zemmouri", "حسن", "الزموري", Sex.Male, new(1975, 3, 2), "0666957814", "04.291.03.01", EducationLevel.Primary, 6, Disability.None, [VulnerabilityCategory.FamilyOfFormerResistanceMember], EmploymentStatus.SelfEmployed),
        Person("X423347", "Malika", "Ait Lahcen", "مليكة", "آيت لحسن", Sex.Female, new(1982, 10, 14), "0667068915", "04.291.01.03", EducationLevel.None, 5, Disability.None, [VulnerabilityCategory.FamilyOfFormerResistanceMember, VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.InformallyEmployed),
        Person("X434458", "Driss", "Ouchen", "إدريس", "أوشن", Sex.Male, new(1993, 7, 7), "0668179016", "04.291.01.05", EducationLevel.Vocational, 4, Disability.None, [VulnerabilityCategory.FamilyOfFormerResistanceMember], EmploymentStatus.Unemployed),
        Person("X445569", "Saadia", "Moutaouakil", "سعدية", "المتوكل", Sex.Female, new(1979, 1, 22), "0669280117", "04.291.03.07", EducationLevel.Literacy, 6, Disability.None, [VulnerabilityCategory.FamilyOfFormerResistanceMember], EmploymentStatus.Inactive),
        Person("X456670", "Abdellah", "Khalfi", "عبد الله", "الخلفي", Sex.Male, new(2000, 5, 16), "0670391218", "04.291.01.01", EducationLevel.UpperSecondary, 5, Disability.None, [VulnerabilityCategory.RuralYouth, VulnerabilityCategory.FamilyOfFormerResistanceMember], EmploymentStatus.Unemployed),
        Person("X467781", "Latifa", "Bouhlal", "لطيفة", "بوهلال", Sex.Female, new(1985, 9, 9), "0671402319", "04.291.01.03", EducationLevel.Primary, 4, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.SelfEmployed),
        Person("X478892", "Mustapha", "Akesbi", "مصطفى", "أكسبي", Sex.Male, new(1971, 11, 30), "0672513420", "04.291.01.17", EducationLevel.Primary, 7, Disability.Motor, [VulnerabilityCategory.PersonWithDisability, VulnerabilityCategory.FamilyOfFormerResistanceMember], EmploymentStatus.Inactive),
        Person("S230145", "Fadma", "Boudchich", "فاضمة", "بودشيش", Sex.Female, new(1984, 2, 28), "0673624521", "02.381.01.05", EducationLevel.Literacy, 5, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.InformallyEmployed),
        Person("S241256", "Nadia", "El Hamdaoui", "نادية", "الحمداوي", Sex.Female, new(1992, 6, 6), "0674735622", "02.381.01.07", EducationLevel.UpperSecondary, 3, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.Unemployed),
        Person("S252367", "Karim", "Azouagh", "كريم", "أزواغ", Sex.Male, new(1995, 10, 10), "0675846723", "02.381.01.19", EducationLevel.Vocational, 4, Disability.Visual, [VulnerabilityCategory.PersonWithDisability], EmploymentStatus.Unemployed),
        Person("S263478", "Yassine", "Bouazza", "ياسين", "بوعزة", Sex.Male, new(2002, 3, 3), "0676957824", "02.381.01.01", EducationLevel.LowerSecondary, 6, Disability.None, [VulnerabilityCategory.RuralYouth], EmploymentStatus.Unemployed),
        Person("S274589", "Hanane", "Moussaoui", "حنان", "الموساوي", Sex.Female, new(1989, 12, 12), "0677068925", "02.381.01.03", EducationLevel.Primary, 5, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation, VulnerabilityCategory.NotInEmploymentEducationOrTraining], EmploymentStatus.Unemployed),
        Person("SH20563", "Salka", "Mint Ahmed", "سالكة", "منت أحمد", Sex.Female, new(1994, 8, 8), "0678179026", "12.391.01.01", EducationLevel.Primary, 4, Disability.None, [VulnerabilityCategory.WomanInDifficultSituation], EmploymentStatus.InformallyEmployed),
        Person("SH21674", "Mohamed Lamine", "Ould Bah", "محمد الأمين", "ولد باه", Sex.Male, new(1988, 1, 17), "0679280127", "12.391.09.01", EducationLevel.LowerSecondary, 6, Disability.None, [], EmploymentStatus.SelfEmployed),
        Person("SH22785", "Khadijetou", "Laaroussi", "خديجتو", "العروسي", Sex.Female, new(1999, 4, 4), "0680391228", "12.391.01.01", EducationLevel.Higher, 3, Disability.None, [VulnerabilityCategory.NotInEmploymentEducationOrTraining], EmploymentStatus.Unemployed),
        Person("SH23896", "Ahmed", "Ould Ely", "أحمد", "ولد اعلي", Sex.Male, new(1996, 9, 19), "0681402329", "12.391.09.03", EducationLevel.Vocational, 5, Disability.None, [VulnerabilityCategory.RuralYouth], EmploymentStatus.Unemployed),
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
