using System.Globalization;
using System.Text;
using Applicants.Application.Imports;
using Applicants.Domain.Imports;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using CsvHelper;
using FluentValidation;
using FluentValidation.Results;
using MiniExcelLibs;

namespace Applicants.Infrastructure.Imports;

/// <summary>One data line of a registration file: its number in the file, its values in template order, the columns holding unstorable text.</summary>
internal sealed record FileLine(int Line, string?[] Values, IReadOnlyList<string> Unstorable);

/// <summary>
/// Reads registration files, CSV or XLSX, one line at a time: a worker never holds more than a
/// line of a 50,000-line file as objects (the bytes themselves are read from the database).
/// </summary>
internal static class PersonImportFiles
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly LocalizedText MissingColumns = new(
        "The first line must name the template's columns (GET /api/v1/applicants/imports/template); missing: {0}.",
        "La première ligne doit nommer les colonnes du modèle (GET /api/v1/applicants/imports/template) ; manquantes : {0}.",
        "يجب أن يسمي السطر الأول أعمدة النموذج (GET /api/v1/applicants/imports/template)؛ الناقصة: {0}.");

    private static readonly LocalizedText NotAWorkbook = new(
        "The file is not an Excel workbook (.xlsx).",
        "Le fichier n'est pas un classeur Excel (.xlsx).",
        "الملف ليس مصنف Excel (.xlsx).");

    private static readonly LocalizedText NotCsv = new(
        "Line {0} is not valid CSV: {1}.",
        "La ligne {0} n'est pas un CSV valide : {1}.",
        "السطر {0} ليس بصيغة CSV صحيحة: {1}.");

    private static readonly LocalizedText Empty = new(
        "The file is empty.",
        "Le fichier est vide.",
        "الملف فارغ.");

    public static ImportFormat? FormatOf(string? contentType) =>
        contentType is null ? null
        : contentType.StartsWith(CsvUploads.MediaType, StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Csv
        : contentType.StartsWith(XlsxMediaType, StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx
        : null;

    /// <summary>Every data line; a file that is not the template (headings, format) is a 400 on <c>file</c>.</summary>
    public static IEnumerable<FileLine> Lines(byte[] content, ImportFormat format) =>
        content.Length == 0 ? throw Invalid(Empty.ToString())
        : format == ImportFormat.Csv ? CsvLines(content)
        : XlsxLines(content);

    private static IEnumerable<FileLine> CsvLines(byte[] content)
    {
        using var text = new StreamReader(new MemoryStream(content, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var reader = CsvReader.Create(text, CsvUploads.ReaderOptions(), leaveOpen: false);
        int?[] positions;
        try
        {
            reader.ReadHeader();
            positions = Positions(reader.Headers ?? []);
        }
        catch (CsvFormatException malformed)
        {
            throw Invalid(string.Format(CultureInfo.CurrentCulture, NotCsv.ToString(), 1, malformed.Message));
        }

        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }
            }
            catch (CsvFormatException malformed)
            {
                throw Invalid(string.Format(CultureInfo.CurrentCulture, NotCsv.ToString(), reader.LineNumber, malformed.Message));
            }

            yield return LineOf((int)reader.LineNumber, i => i < reader.FieldCount ? reader.GetString(i) : null, positions);
        }
    }

    private static IEnumerable<FileLine> XlsxLines(byte[] content)
    {
        IEnumerator<object> rows;
        try
        {
            rows = MiniExcel.Query(new MemoryStream(content, writable: false), useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
            if (!rows.MoveNext())
            {
                throw Invalid(Empty.ToString());
            }
        }
        catch (Exception e) when (e is not ValidationException)
        {
            throw Invalid(NotAWorkbook.ToString());
        }

        using (rows)
        {
            var headings = (IDictionary<string, object?>)rows.Current;
            var letters = headings.Keys.ToList();
            var positions = Positions([.. headings.Values.Select(v => Text(v) ?? string.Empty)]);
            var line = 1;
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is not ValidationException)
                {
                    throw Invalid(NotAWorkbook.ToString());
                }

                line++;
                var cells = (IDictionary<string, object?>)rows.Current;
                if (cells.Values.All(v => Text(v) is null))
                {
                    continue;
                }

                yield return LineOf(line, i => i < letters.Count && cells.TryGetValue(letters[i], out var v) ? Text(v) : null, positions);
            }
        }
    }

    /// <summary>A cell as text: numbers without a thousands separator or exponent, dates as ISO 8601 days.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static int?[] Positions(IReadOnlyList<string> headings)
    {
        var positions = PersonImportColumns.Locate(headings);
        var missing = PersonImportColumns.All.Where((_, i) => positions[i] is null).Select(c => c.Key).ToList();
        return missing.Count == 0
            ? positions
            : throw Invalid(string.Format(CultureInfo.CurrentCulture, MissingColumns.ToString(), string.Join(", ", missing)));
    }

    private static FileLine LineOf(int line, Func<int, string?> cell, int?[] positions)
    {
        var values = new string?[positions.Length];
        var unstorable = new List<string>();
        for (var i = 0; i < positions.Length; i++)
        {
            values[i] = CsvUploads.Cell(cell(positions[i]!.Value), out var refused);
            if (refused)
            {
                unstorable.Add(PersonImportColumns.All[i].Key);
            }
        }

        return new FileLine(line, values, unstorable);
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("file", message)]);
}
