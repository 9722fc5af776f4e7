using System.Data;
using System.Text;
using Applicants.Application.Imports;
using CsvHelper;
using MiniExcelLibs;

namespace Applicants.Infrastructure.Imports;

/// <summary>
/// The registration template staff fill in the field: the headings in Arabic or French (the import
/// reads either, or the column keys), and for the workbook a second sheet saying what each column
/// takes. No example line: a forgotten one would be registered.
/// </summary>
internal static class PersonImportTemplate
{
    public static byte[] Csv(string language)
    {
        using var buffer = new MemoryStream();
        // A BOM, so that Excel opens the Arabic headings as UTF-8.
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            writer.WriteRecord([.. PersonImportColumns.All.Select(c => Heading(c, language))]);
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx(string language)
    {
        // A table with columns and no row: the sheet holds the headings only.
        using var headings = new DataTable();
        foreach (var column in PersonImportColumns.All)
        {
            headings.Columns.Add(Heading(column, language), typeof(string));
        }

        var guide = PersonImportColumns.All.Select(c => new Dictionary<string, object?>
        {
            [language == "ar" ? "العمود" : "Colonne"] = Heading(c, language),
            [language == "ar" ? "المفتاح" : "Clé"] = c.Key,
            [language == "ar" ? "القاعدة" : "Règle"] = language == "ar" ? c.Rule.Ar : c.Rule.Fr,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [language == "ar" ? "التسجيلات" : "Inscriptions"] = headings,
            [language == "ar" ? "دليل" : "Guide"] = guide,
        };
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheets, printHeader: true, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static string Heading(ImportColumn column, string language) => language == "ar" ? column.Arabic : column.French;
}
