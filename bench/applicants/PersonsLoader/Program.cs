// bench/applicants/run.sh's data set: PERSONS persons (1,000,000 by default) written set-based into
// applicants.persons with one binary COPY, NOT through the API. Each row is built by the domain's
// own Person.Register, so name_key (and every cleaned field) is exactly what the application
// would have stored. Deterministic (fixed seed): the same count gives the same persons.
//
//   dotnet PersonsLoader.dll <connection string> <persons> <samples directory>
//
// Writes into the samples directory what the measuring runs send: search texts (Latin full names,
// Arabic full names, CINs, single common names) URL-encoded one per line, and registration bodies
// (JSON one per line, the CIN left as @CIN@ for the wrk script): fresh persons, and near-duplicates
// of loaded persons (another spelling, the same birth date and commune, a new CIN).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Applicants.Domain.Persons;
using Npgsql;
using NpgsqlTypes;
using PersonsLoader;

if (args is ["--check-tokens", var checkedDatabase])
{
    return await TokensCheck.RunAsync(checkedDatabase);
}

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: PersonsLoader <connection string> <persons> <samples directory> | PersonsLoader --check-tokens <connection string>");
    return 2;
}

var connectionString = args[0];
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var samplesDirectory = args[2];
Directory.CreateDirectory(samplesDirectory);
var random = new Random(20_261_126);
var clock = Stopwatch.StartNew();

await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();

var communes = new List<(string Code, string Province, bool Rural)>();
await using (var read = new NpgsqlCommand("SELECT code, province_code, kind FROM applicants.communes ORDER BY code", connection))
await using (var reader = await read.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        communes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2) == "Rural"));
    }
}

if (communes.Count == 0)
{
    Console.Error.WriteLine("no communes: start the host once so that its migrations seed the geography");
    return 1;
}

// Secondary indexes are dropped for the load and rebuilt after it (one sort each instead of a
// million insertions each), with their exact definitions as the migrations made them.
var indexes = new List<(string Name, string Definition)>();
await using (var read = new NpgsqlCommand(
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'applicants' AND tablename = 'persons' AND indexname <> 'pk_persons'", connection))
await using (var reader = await read.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        indexes.Add((reader.GetString(0), reader.GetString(1)));
    }
}

foreach (var (name, _) in indexes)
{
    await Execute($"DROP INDEX applicants.{name}");
}

var menTotal = Names.Men.Sum(n => n.Weight);
var womenTotal = Names.Women.Sum(n => n.Weight);
var familiesTotal = Names.Families.Sum(n => n.Weight);
var cinCounters = new int[Names.CinPrefixes.Length];
var samples = new List<Person>();
var today = DateOnly.FromDateTime(DateTime.UtcNow);

Console.WriteLine($"loading {count:N0} persons over {communes.Count:N0} communes of {communes.Select(c => c.Province).Distinct().Count()} provinces");
await using (var copy = await connection.BeginBinaryImportAsync(
    "COPY applicants.persons (id, cin, first_name, last_name, first_name_ar, last_name_ar, name_key, name_tokens, sex, birth_date, phone, email, " +
    "commune_code, province_code, education_level, household_size, disability, categories, other_category_justification, " +
    "employment_status, consented_on, registered_on, updated_on) FROM STDIN (FORMAT BINARY)"))
{
    for (var i = 0; i < count; i++)
    {
        // Twenty years of schemes: registered between 2006 and 2025.
        var registeredOn = new DateTimeOffset(2006, 1, 1, 8, 0, 0, TimeSpan.Zero)
            .AddMinutes(random.NextInt64(20L * 365 * 24 * 60));
        var prefix = random.Next(Names.CinPrefixes.Length);
        // k -> k * 7919 + 13 (mod 10^6) is one-to-one (7919 is prime to 10^6): unique digits per prefix.
        var digits = ((cinCounters[prefix]++ * 7919L) + 13) % 1_000_000;
        var cin = Names.CinPrefixes[prefix] + digits.ToString("D6", CultureInfo.InvariantCulture);
        var person = Person.Register(Details(random, cin, registeredOn, null), registeredOn);
        if (i % 200 == 0)
        {
            samples.Add(person);
        }

        await copy.StartRowAsync();
        await copy.WriteAsync(person.Id.Value, NpgsqlDbType.Uuid);
        await copy.WriteAsync(person.Cin.Value, NpgsqlDbType.Varchar);
        await WriteNullable(copy, person.FirstName);
        await WriteNullable(copy, person.LastName);
        await WriteNullable(copy, person.FirstNameAr);
        await WriteNullable(copy, person.LastNameAr);
        await copy.WriteAsync(person.NameKey, NpgsqlDbType.Varchar);
        await copy.WriteAsync(person.NameTokens.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(person.Sex.ToString(), NpgsqlDbType.Varchar);
        await copy.WriteAsync(person.BirthDate, NpgsqlDbType.Date);
        await copy.WriteAsync(person.Phone.Value, NpgsqlDbType.Varchar);
        await WriteNullable(copy, person.Email);
        await copy.WriteAsync(person.CommuneCode, NpgsqlDbType.Varchar);
        await copy.WriteAsync(person.ProvinceCode, NpgsqlDbType.Varchar);
        await copy.WriteAsync(person.EducationLevel.ToString(), NpgsqlDbType.Varchar);
        await copy.WriteAsync(person.HouseholdSize, NpgsqlDbType.Integer);
        await copy.WriteAsync(person.Disability.ToString(), NpgsqlDbType.Varchar);
        await copy.WriteAsync(person.Categories.Select(c => c.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await WriteNullable(copy, person.OtherCategoryJustification);
        await copy.WriteAsync(person.EmploymentStatus.ToString(), NpgsqlDbType.Varchar);
        await copy.WriteAsync(person.ConsentedOn, NpgsqlDbType.Date);
        await copy.WriteAsync(person.RegisteredOn.UtcDateTime, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(person.UpdatedOn.UtcDateTime, NpgsqlDbType.TimestampTz);
        if ((i + 1) % 100_000 == 0)
        {
            Console.WriteLine($"  {i + 1:N0} rows written ({clock.Elapsed.TotalSeconds:F0} s)");
        }
    }

    await copy.CompleteAsync();
}

var copied = clock.Elapsed;
Console.WriteLine($"copied in {copied.TotalSeconds:F1} s; rebuilding {indexes.Count} indexes");
await Execute("SET maintenance_work_mem = '512MB'");
foreach (var (name, definition) in indexes)
{
    var started = clock.Elapsed;
    await Execute(definition);
    Console.WriteLine($"  {name}: {(clock.Elapsed - started).TotalSeconds:F1} s");
}

await Execute("VACUUM (ANALYZE) applicants.persons");
var indexed = clock.Elapsed - copied;

// ------------------------------------------------------------------ samples for the measuring runs
var latin = samples.Where(p => p.FirstName is not null && p.LastName is not null).ToList();
var arabic = samples.Where(p => p.FirstNameAr is not null && p.LastNameAr is not null).ToList();
await WriteLines("search-latin.txt", latin.Select(p => Encode(random.Next(2) == 0 ? $"{p.FirstName} {p.LastName}" : $"{p.FirstName} {p.LastName}".ToLowerInvariant())));
await WriteLines("search-arabic.txt", arabic.Select(p => Encode($"{OtherSpelling(random, p.FirstNameAr!, true)} {OtherSpelling(random, p.LastNameAr!, false)}")));
await WriteLines("search-cin.txt", samples.Select(p => Encode(random.Next(4) == 0 ? p.Cin.Value.ToLowerInvariant() : p.Cin.Value)));
await WriteLines("search-common.txt", samples.Select(p => Encode(random.Next(2) == 0 ? p.LastName ?? p.LastNameAr! : p.FirstName ?? p.FirstNameAr!)));

// Registrations: four fresh persons for one near-duplicate of a loaded person.
var consented = today.AddDays(-1);
var bodies = new List<string>();
for (var i = 0; i < 100_000; i++)
{
    var now = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    var details = i % 5 == 4
        ? NearDuplicate(random, samples[random.Next(samples.Count)])
        : Details(random, "AB1", now, null);
    bodies.Add(JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["cin"] = "@CIN@",
        ["firstName"] = details.FirstName,
        ["lastName"] = details.LastName,
        ["firstNameAr"] = details.FirstNameAr,
        ["lastNameAr"] = details.LastNameAr,
        ["sex"] = details.Sex.ToString(),
        ["birthDate"] = details.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["phone"] = "0" + details.Phone.Value[4..],
        ["email"] = details.Email,
        ["communeCode"] = details.CommuneCode,
        ["educationLevel"] = details.EducationLevel.ToString(),
        ["householdSize"] = details.HouseholdSize,
        ["disability"] = details.Disability.ToString(),
        ["categories"] = details.Categories.Select(c => c.ToString()).ToArray(),
        ["otherCategoryJustification"] = details.OtherCategoryJustification,
        ["employmentStatus"] = details.EmploymentStatus.ToString(),
        ["consentedOn"] = consented.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    }));
}

await WriteLines("register.txt", bodies);
Console.WriteLine($"RESULT load persons={count} copy_s={copied.TotalSeconds:F1} index_s={indexed.TotalSeconds:F1} total_s={clock.Elapsed.TotalSeconds:F1}");
return 0;

async Task Execute(string sql)
{
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

static async Task WriteNullable(NpgsqlBinaryImporter copy, string? value)
{
    if (value is null)
    {
        await copy.WriteNullAsync();
    }
    else
    {
        await copy.WriteAsync(value, NpgsqlDbType.Varchar);
    }
}

async Task WriteLines(string file, IEnumerable<string> lines) =>
    await File.WriteAllLinesAsync(Path.Combine(samplesDirectory, file), lines, new UTF8Encoding(false));

static string Encode(string text) => Uri.EscapeDataString(text);

static Name Pick(Random random, Name[] names, int total)
{
    var n = random.Next(total);
    foreach (var name in names)
    {
        n -= name.Weight;
        if (n < 0)
        {
            return name;
        }
    }

    return names[^1];
}

// The usual spelling two times in three, another one otherwise.
static string Spelling(Random random, string[] spellings) =>
    spellings.Length == 1 || random.Next(3) > 0 ? spellings[0] : spellings[random.Next(1, spellings.Length)];

// An Arabic name as another clerk might type it: another listed spelling, or the ة/ه, أ/ا, ى/ي of
// the same name (the folds NormalisedName undoes).
static string OtherSpelling(Random random, string arabic, bool first)
{
    var name = Names.Men.Concat(Names.Women).Concat(Names.Families).FirstOrDefault(n => n.Arabic.Contains(arabic));
    if (name is not null && name.Arabic.Length > 1 && random.Next(2) == 0)
    {
        return name.Arabic.First(a => a != arabic);
    }

    return first && random.Next(2) == 0 ? arabic.Replace('ة', 'ه').Replace('أ', 'ا').Replace('إ', 'ا') : arabic;
}

PersonDetails Details(Random random, string cin, DateTimeOffset registeredOn, Person? like)
{
    var female = random.Next(100) < 52;
    var first = female ? Pick(random, Names.Women, womenTotal) : Pick(random, Names.Men, menTotal);
    var family = Pick(random, Names.Families, familiesTotal);
    // Most registers carry both scripts; a few offices wrote one only.
    var scripts = random.Next(100);
    var hasLatin = scripts >= 4;
    var hasArabic = scripts < 4 || scripts >= 10;
    var registered = DateOnly.FromDateTime(registeredOn.UtcDateTime);
    var age = random.Next(18, 66);
    // Those born at home and registered late often carry 1 January as birth date.
    var birth = random.Next(100) < 3
        ? new DateOnly(registered.Year - age, 1, 1)
        : registered.AddYears(-age).AddDays(-random.Next(365));
    var commune = communes[random.Next(communes.Count)];
    var disability = random.Next(100) < 4 ? (Disability)random.Next(1, 6) : Disability.None;
    var categories = new List<VulnerabilityCategory>();
    if (female && random.Next(100) < 25)
    {
        categories.Add(VulnerabilityCategory.WomanInDifficultSituation);
    }

    if (disability != Disability.None)
    {
        categories.Add(VulnerabilityCategory.PersonWithDisability);
    }

    if (commune.Rural && age <= 35 && random.Next(100) < 50)
    {
        categories.Add(VulnerabilityCategory.RuralYouth);
    }

    if (age < 30 && random.Next(100) < 20)
    {
        categories.Add(VulnerabilityCategory.NotInEmploymentEducationOrTraining);
    }

    if (random.Next(100) == 0)
    {
        categories.Add(VulnerabilityCategory.FamilyOfFormerResistanceMember);
    }

    var other = random.Next(100) == 0;
    if (other)
    {
        categories.Add(VulnerabilityCategory.Other);
    }

    var firstLatin = Spelling(random, first.Latin);
    var lastLatin = Spelling(random, family.Latin);
    var email = hasLatin && random.Next(100) < 15
        ? $"{Ascii(firstLatin)}.{Ascii(lastLatin)}{random.Next(1, 999)}@gmail.com"
        : null;
    var mobile = random.Next(100) < 95;
    var phone = MoroccanPhone.Parse($"+212{(mobile ? random.Next(6, 8) : 5)}{random.Next(100_000_000):D8}");
    return new PersonDetails(
        Cin.Parse(cin),
        hasLatin ? firstLatin : null,
        hasLatin ? lastLatin : null,
        hasArabic ? Spelling(random, first.Arabic) : null,
        hasArabic ? Spelling(random, family.Arabic) : null,
        female ? Sex.Female : Sex.Male,
        birth,
        phone,
        email,
        commune.Code,
        commune.Province,
        (EducationLevel)Weighted(random, 22, 10, 25, 18, 12, 8, 5),
        random.Next(1, 11),
        disability,
        categories,
        other ? "Ménage monoparental sans revenu régulier" : null,
        (EmploymentStatus)Weighted(random, 35, 30, 10, 10, 5, 10),
        registered);
}

// A loaded person registered again: another Latin spelling of each name where there is one, the
// Arabic as typed by another clerk, the same birth date and commune, another telephone.
PersonDetails NearDuplicate(Random random, Person loaded)
{
    string? Other(string? latin)
    {
        if (latin is null)
        {
            return null;
        }

        var name = Names.Men.Concat(Names.Women).Concat(Names.Families).FirstOrDefault(n => n.Latin.Contains(latin));
        return name is { Latin.Length: > 1 } ? name.Latin.First(l => l != latin) : latin.ToUpperInvariant();
    }

    return new PersonDetails(
        Cin.Parse("AB1"),
        Other(loaded.FirstName),
        Other(loaded.LastName),
        loaded.FirstNameAr is null ? null : OtherSpelling(random, loaded.FirstNameAr, true),
        loaded.LastNameAr is null ? null : OtherSpelling(random, loaded.LastNameAr, false),
        loaded.Sex,
        loaded.BirthDate,
        MoroccanPhone.Parse($"+2126{random.Next(100_000_000):D8}"),
        null,
        loaded.CommuneCode,
        loaded.ProvinceCode,
        loaded.EducationLevel,
        loaded.HouseholdSize,
        loaded.Disability,
        loaded.Categories,
        loaded.OtherCategoryJustification,
        loaded.EmploymentStatus,
        loaded.ConsentedOn);
}

static int Weighted(Random random, params int[] weights)
{
    var n = random.Next(weights.Sum());
    for (var i = 0; i < weights.Length; i++)
    {
        n -= weights[i];
        if (n < 0)
        {
            return i;
        }
    }

    return weights.Length - 1;
}

static string Ascii(string name) =>
    new(name.Normalize(NormalizationForm.FormD).ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
