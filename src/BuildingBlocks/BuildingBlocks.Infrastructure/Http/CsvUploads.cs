using System.Text;
using BuildingBlocks.Domain;
using CsvHelper;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>One data line of an uploaded CSV file, by its line number in the file (the header is line 1).</summary>
/// <param name="Line">Where the record starts in the file, as a spreadsheet shows it.</param>
/// <param name="Values">The values in the order of the columns the endpoint asked for; null when absent or empty.</param>
/// <param name="Unstorable">The columns whose value holds a character the system refuses (<see cref="StorableText"/>).</param>
public sealed record CsvLine(int Line, IReadOnlyList<string?> Values, IReadOnlyList<string> Unstorable);

/// <summary>The example body an endpoint that takes CSV shows in the API document.</summary>
public sealed record CsvBodyExample(string Text);

/// <summary>A media type an endpoint takes as a file (a workbook): the API document shows it as binary.</summary>
public sealed record BinaryBody(string MediaType);

/// <summary>
/// A spreadsheet sent as the request body (<c>text/csv</c>), as staff export it from Excel or
/// LibreOffice: UTF-8 with or without a BOM, comma or semicolon separated (found from the header),
/// quoted fields may hold separators and line breaks. The header names the columns, in any order
/// and any case; missing ones are refused, extra ones ignored. Errors name the field as
/// <c>file</c> or <c>lines[n].column</c>, n being the line in the file.
/// </summary>
public static class CsvUploads
{
    public const string MediaType = "text/csv";

    private static readonly LocalizedText NotCsv = new(
        "The line is not valid CSV: {0}.",
        "La ligne n'est pas un CSV valide : {0}.",
        "السطر ليس بصيغة CSV صحيحة: {0}.");

    private static readonly LocalizedText MissingColumns = new(
        "The first line must name the columns {0}; missing: {1}.",
        "La première ligne doit nommer les colonnes {0} ; manquantes : {1}.",
        "يجب أن يسمي السطر الأول الأعمدة {0}؛ الناقصة: {1}.");

    private static readonly LocalizedText NoLines = new(
        "The file holds no data line under its header.",
        "Le fichier ne contient aucune ligne de données sous son en-tête.",
        "لا يحتوي الملف على أي سطر بيانات تحت سطر العناوين.");

    private static readonly LocalizedText TooManyLines = new(
        "The file holds more than {0} data lines; split it.",
        "Le fichier contient plus de {0} lignes de données ; divisez-le.",
        "يحتوي الملف على أكثر من {0} سطر بيانات؛ قسّمه.");

    /// <summary>Declares in the API document that the operation takes a CSV body, showing <paramref name="example"/>.</summary>
    public static RouteHandlerBuilder AcceptsCsv(this RouteHandlerBuilder builder, string example) =>
        builder.Accepts<string>(MediaType).WithMetadata(new CsvBodyExample(example));

    /// <summary>
    /// Reads the whole body (bounded by the host's body limit and <paramref name="maxLines"/>) into
    /// lines; a body that is not CSV with these columns is a 400 naming the file or the line, and
    /// any other media type a 415.
    /// </summary>
    public static async Task<IReadOnlyList<CsvLine>> ReadAsync(HttpRequest request, IReadOnlyList<string> columns, int maxLines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(columns);
        if (!IsCsv(request.ContentType))
        {
            throw new BadHttpRequestException($"Send the file as {MediaType}.", StatusCodes.Status415UnsupportedMediaType);
        }

        using var text = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        await using var reader = CsvReader.Create(text, ReaderOptions(), leaveOpen: true);
        var lines = new List<CsvLine>();
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            var positions = Positions(reader.Headers, columns);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (lines.Count == maxLines)
                {
                    throw Invalid("file", string.Format(System.Globalization.CultureInfo.InvariantCulture, TooManyLines.ToString(), maxLines));
                }

                lines.Add(LineOf(reader, columns, positions));
            }
        }
        catch (CsvFormatException malformed)
        {
            throw Invalid($"lines[{reader.LineNumber}]", string.Format(System.Globalization.CultureInfo.CurrentCulture, NotCsv.ToString(), malformed.Message));
        }

        return lines.Count == 0 ? throw Invalid("file", NoLines.ToString()) : lines;
    }

    /// <summary>
    /// How a spreadsheet's CSV export is read: a header line, the separator found from it, line
    /// numbers kept for the report, malformed quoting an error, short or long lines left to the caller.
    /// </summary>
    public static CsvReaderOptions ReaderOptions() => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        Separator = null,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    /// <summary>A cell as the system stores it: trimmed, null when empty or when it holds text <see cref="StorableText"/> refuses (<paramref name="refused"/>).</summary>
    public static string? Cell(string? raw, out bool refused)
    {
        var value = raw?.Trim();
        refused = value is not null && !StorableText.IsStorable(value);
        return refused || string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool IsCsv(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase));

    private static int[] Positions(IReadOnlyList<string>? headers, IReadOnlyList<string> columns)
    {
        var names = (headers ?? []).Select(h => h.Trim()).ToList();
        var positions = columns.Select(c => names.FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        var missing = columns.Where((_, i) => positions[i] < 0).ToList();
        if (missing.Count > 0)
        {
            throw Invalid("file", string.Format(System.Globalization.CultureInfo.InvariantCulture, MissingColumns.ToString(), string.Join(", ", columns), string.Join(", ", missing)));
        }

        return positions;
    }

    private static CsvLine LineOf(CsvReader reader, IReadOnlyList<string> columns, int[] positions)
    {
        var values = new string?[columns.Count];
        var unstorable = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            values[i] = Cell(positions[i] < reader.FieldCount ? reader.GetString(positions[i]) : null, out var refused);
            if (refused)
            {
                unstorable.Add(columns[i]);
            }
        }

        return new CsvLine((int)reader.LineNumber, values, unstorable);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
