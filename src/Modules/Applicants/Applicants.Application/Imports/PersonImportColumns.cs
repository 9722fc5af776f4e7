using System.Globalization;
using Applicants.Application.Persons.RegisterPerson;
using Applicants.Domain.Imports;
using Applicants.Domain.Persons;
using BuildingBlocks.Domain;

namespace Applicants.Application.Imports;

/// <summary>A column of the registration template: its key, its headings in French and Arabic, and its rule.</summary>
public sealed record ImportColumn(string Key, string French, string Arabic, LocalizedText Rule);

/// <summary>
/// The registration template's columns, in its order. A file's first line may name each column by
/// its key (<c>birth_date</c>), its French heading or its Arabic heading, in any order and case.
/// </summary>
public static class PersonImportColumns
{
    public const int MaxLines = 100_000;

    /// <summary>The largest file taken: 100,000 lines of about 200 bytes, with room.</summary>
    public const long MaxBytes = 32 * 1024 * 1024;

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("cin", "CIN", "رقم البطاقة الوطنية", new("One or two letters then digits, e.g. AB123456.", "Une ou deux lettres puis des chiffres, par ex. AB123456.", "حرف أو حرفان ثم أرقام، مثلا AB123456.")),
        new("first_name", "Prénom (latin)", "الاسم الشخصي بالحروف اللاتينية", new("First name in Latin letters; a name in one script at least.", "Prénom en lettres latines ; un nom dans une écriture au moins.", "الاسم الشخصي بالحروف اللاتينية؛ اسم بخط واحد على الأقل.")),
        new("last_name", "Nom (latin)", "الاسم العائلي بالحروف اللاتينية", new("Family name in Latin letters.", "Nom de famille en lettres latines.", "الاسم العائلي بالحروف اللاتينية.")),
        new("first_name_ar", "Prénom (arabe)", "الاسم الشخصي", new("First name in Arabic.", "Prénom en arabe.", "الاسم الشخصي بالعربية.")),
        new("last_name_ar", "Nom (arabe)", "الاسم العائلي", new("Family name in Arabic.", "Nom de famille en arabe.", "الاسم العائلي بالعربية.")),
        new("sex", "Sexe", "الجنس", new("F or M (Female/Male, Femme/Homme, أنثى/ذكر).", "F ou M (Femme/Homme, Female/Male, أنثى/ذكر).", "أنثى أو ذكر (F/M).")),
        new("birth_date", "Date de naissance", "تاريخ الازدياد", new("A date, 1985-03-14 or 14/03/1985.", "Une date, 1985-03-14 ou 14/03/1985.", "تاريخ، 1985-03-14 أو 14/03/1985.")),
        new("phone", "Téléphone", "الهاتف", new("A Moroccan number, 0661234567 or +212661234567.", "Un numéro marocain, 0661234567 ou +212661234567.", "رقم مغربي، 0661234567 أو +212661234567.")),
        new("email", "E-mail", "البريد الإلكتروني", new("Optional.", "Facultatif.", "اختياري.")),
        new("commune_code", "Code commune", "رمز الجماعة", new("The HCP code of the commune of residence, e.g. 03.531.01.05.", "Le code HCP de la commune de résidence, par ex. 03.531.01.05.", "رمز المندوبية السامية للتخطيط لجماعة الإقامة، مثلا 03.531.01.05.")),
        new("education_level", "Niveau d'études", "المستوى الدراسي", new("None, Literacy, Primary, LowerSecondary, UpperSecondary, Vocational or Higher.", "None, Literacy, Primary, LowerSecondary, UpperSecondary, Vocational ou Higher.", "None أو Literacy أو Primary أو LowerSecondary أو UpperSecondary أو Vocational أو Higher.")),
        new("household_size", "Taille du ménage", "عدد أفراد الأسرة", new("A whole number from 1 to 50.", "Un nombre entier de 1 à 50.", "عدد صحيح من 1 إلى 50.")),
        new("disability", "Handicap", "الإعاقة", new("None, Motor, Visual, Hearing, Mental or Multiple.", "None, Motor, Visual, Hearing, Mental ou Multiple.", "None أو Motor أو Visual أو Hearing أو Mental أو Multiple.")),
        new("categories", "Catégories de vulnérabilité", "فئات الهشاشة", new("Zero or more of WomanInDifficultSituation, PersonWithDisability, RuralYouth, NotInEmploymentEducationOrTraining, FamilyOfFormerResistanceMember, Other, separated by ; or |.", "Aucune ou plusieurs de WomanInDifficultSituation, PersonWithDisability, RuralYouth, NotInEmploymentEducationOrTraining, FamilyOfFormerResistanceMember, Other, séparées par ; ou |.", "لا شيء أو أكثر من WomanInDifficultSituation و PersonWithDisability و RuralYouth و NotInEmploymentEducationOrTraining و FamilyOfFormerResistanceMember و Other، مفصولة بـ ; أو |.")),
        new("other_category_justification", "Justification (autre catégorie)", "تبرير (فئة أخرى)", new("Required when categories holds Other.", "Obligatoire si les catégories contiennent Other.", "إلزامي إذا تضمنت الفئات Other.")),
        new("employment_status", "Situation professionnelle", "الوضعية المهنية", new("Unemployed, InformallyEmployed, Employed, SelfEmployed, Student or Inactive.", "Unemployed, InformallyEmployed, Employed, SelfEmployed, Student ou Inactive.", "Unemployed أو InformallyEmployed أو Employed أو SelfEmployed أو Student أو Inactive.")),
        new("consented_on", "Date du consentement (loi 09-08)", "تاريخ الموافقة (القانون 09-08)", new("The day the person consented to the processing of their data (law 09-08).", "Le jour où la personne a consenti au traitement de ses données (loi 09-08).", "يوم موافقة الشخص على معالجة معطياته (القانون 09-08).")),
    ];

    /// <summary>Where each template column is among a file's headings; null entries for the columns it lacks.</summary>
    public static int?[] Locate(IReadOnlyList<string?> headings)
    {
        var folded = headings.Select(h => (h ?? string.Empty).Trim().ToUpperInvariant()).ToList();
        return [.. All.Select(c =>
        {
            var at = folded.FindIndex(h => h == c.Key.ToUpperInvariant() || h == c.French.ToUpperInvariant() || h == c.Arabic);
            return at < 0 ? (int?)null : at;
        })];
    }

    /// <summary>
    /// A line's values (in template order) as the registration command, or the columns it breaks.
    /// What the command's own validator checks (CIN shape, names, dates' bounds) is left to it, so
    /// that a line obeys exactly the API's rules.
    /// </summary>
    public static (RegisterPersonCommand? Command, IReadOnlyList<LineError> Errors) ToCommand(IReadOnlyList<string?> values)
    {
        var errors = new List<LineError>();
        string? Text(string key) => values[Index(key)];

        T? Parse<T>(string key, Func<string, T?> parse)
            where T : struct
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            var parsed = parse(text);
            if (parsed is null)
            {
                errors.Add(new LineError(key, Column(key).Rule.ToString()));
            }

            return parsed;
        }

        var sex = Parse("sex", SexOf);
        var birthDate = Parse("birth_date", DateOf);
        var education = Parse<EducationLevel>("education_level", EnumText.Parse<EducationLevel>);
        var household = Parse("household_size", t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null);
        var disability = Parse<Disability>("disability", EnumText.Parse<Disability>);
        var employment = Parse<EmploymentStatus>("employment_status", EnumText.Parse<EmploymentStatus>);
        var consented = Parse("consented_on", DateOf);
        var categories = new List<VulnerabilityCategory>();
        foreach (var part in (Text("categories") ?? string.Empty).Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnumText.Parse<VulnerabilityCategory>(part) is { } category)
            {
                categories.Add(category);
            }
            else
            {
                errors.Add(new LineError("categories", Column("categories").Rule.ToString()));
                break;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new RegisterPersonCommand(
            Text("cin")?.ToUpperInvariant(),
            Text("first_name"),
            Text("last_name"),
            Text("first_name_ar"),
            Text("last_name_ar"),
            sex,
            birthDate,
            PhoneOf(Text("phone")),
            Text("email"),
            Text("commune_code"),
            education,
            household,
            disability,
            categories,
            Text("other_category_justification"),
            employment,
            consented), errors);
    }

    /// <summary>The column a property of the registration command is read from: <c>BirthDate</c> → <c>birth_date</c>.</summary>
    public static string ColumnOf(string property)
    {
        var name = property.Split('[', '.')[0];
        var snake = string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return All.Any(c => c.Key == snake) ? snake : "line";
    }

    /// <summary>A spreadsheet turns 0661234567 into the number 661234567: the leading zero is put back.</summary>
    private static string? PhoneOf(string? text) =>
        text is { Length: 9 } && text.All(char.IsAsciiDigit) && text[0] is '5' or '6' or '7' or '8' ? "0" + text : text;

    private static int Index(string key) => All.Select((c, i) => (c, i)).First(x => x.c.Key == key).i;

    private static ImportColumn Column(string key) => All[Index(key)];

    private static Sex? SexOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "F" or "FEMALE" or "FEMME" or "أنثى" or "انثى" => Sex.Female,
        "M" or "H" or "MALE" or "HOMME" or "ذكر" => Sex.Male,
        _ => null,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    private static DateOnly? DateOf(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date) : null;
}
