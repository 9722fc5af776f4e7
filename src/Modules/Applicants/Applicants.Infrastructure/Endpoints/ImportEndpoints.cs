using System.ComponentModel;
using Applicants.Application.Imports;
using Applicants.Domain.Imports;
using Applicants.Infrastructure.Imports;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using FluentValidation;
using FluentValidation.Results;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Applicants.Infrastructure.Endpoints;

/// <summary>Which template: its format and the language of its headings.</summary>
internal enum TemplateFormat
{
    /// <summary>An Excel workbook with a guide sheet.</summary>
    Xlsx,

    /// <summary>A CSV file (UTF-8 with a BOM) holding the headings.</summary>
    Csv,
}

/// <summary>The language of a template's headings and guide.</summary>
internal enum TemplateLanguage
{
    /// <summary>Arabic.</summary>
    Ar,

    /// <summary>French.</summary>
    Fr,
}

/// <summary>Which registration template to download.</summary>
/// <param name="Format">Xlsx (the default: a workbook whose second sheet explains each column) or Csv (UTF-8 with a BOM, the headings only).</param>
/// <param name="Language">Ar or Fr (the default): the language of the headings and of the guide.</param>
internal sealed record TemplateParameters(TemplateFormat? Format, TemplateLanguage? Language);

internal static class ImportEndpoints
{
    private const string ImportIdText = "The import's id, as answered when the file was sent.";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/applicants/imports").WithTags("Imports").RequireAuthorization(AuthNames.StaffPolicy);

        imports.MapPost("/", async (HttpRequest request, ISender sender, IBackgroundJobClient jobs, CancellationToken ct, string? fileName = null) =>
            {
                var format = PersonImportFiles.FormatOf(request.ContentType)
                    ?? throw new BadHttpRequestException("Send a CSV or XLSX file.", StatusCodes.Status415UnsupportedMediaType);
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                var content = buffer.ToArray();
                // The whole file is read now (a line at a time, nothing kept), so that a wrong file — its
                // headings, or a malformed line far down — is refused at once rather than by a worker,
                // whose import could then neither finish nor fail.
                _ = PersonImportFiles.Lines(content, format).Count();
                var received = await sender.Send(new ReceivePersonImportCommand(fileName, format, content), ct);
                if (!received.AlreadyReceived)
                {
                    jobs.Enqueue<PersonImportJob>(job => job.RunAsync(received.ImportId, CancellationToken.None));
                }

                var import = await sender.Send(new GetPersonImportQuery(received.ImportId), ct);
                return received.AlreadyReceived
                    ? Results.Ok(import)
                    : Results.Accepted($"/api/v1/applicants/imports/{received.ImportId}", import);
            })
            .WithMetadata(new RequestSizeLimitAttribute(PersonImportColumns.MaxBytes))
            // One Accepts for both: routing answers 415 to any other media type before the handler runs.
            .Accepts<string>(CsvUploads.MediaType, PersonImportFiles.XlsxMediaType)
            .WithMetadata(new CsvBodyExample(CsvExample), new BinaryBody(PersonImportFiles.XlsxMediaType))
            .WithParametersFrom<ReceivePersonImportCommand>()
            .WithName("ImportApplicants")
            .WithSummary("Register the persons of a spreadsheet (CSV or XLSX)")
            .WithDescription(
                "For registrations collected where there is no connection (a caravan stop, a partner's office). The body is the file: text/csv "
                + "(UTF-8, comma or semicolon separated) or an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, first sheet), "
                + "at most 32 MiB and 100,000 lines, its first line naming the template's columns (GET /api/v1/applicants/imports/template) by key, French or Arabic heading. "
                + "A file whose headings are wrong is refused at once (400 on file). Otherwise the answer is 202 with the import, and a worker registers each line "
                + "with the same rules as POST /api/v1/applicants, on your behalf and within your provinces: a line is registered whole or refused whole, "
                + "a CIN already registered is reported, never registered twice. Follow the import at GET /api/v1/applicants/imports/{id}. "
                + "The same file sent again by you answers 200 with the first import and registers nothing.")
            .Produces<PersonImportDto>(StatusCodes.Status202Accepted)
            .Produces<PersonImportDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        imports.MapGet("/template", (TemplateFormat? format, TemplateLanguage? language) =>
            {
                var lang = language == TemplateLanguage.Ar ? "ar" : "fr";
                return format == TemplateFormat.Csv
                    ? Results.File(PersonImportTemplate.Csv(lang), CsvUploads.MediaType + "; charset=utf-8", $"modele-inscriptions-{lang}.csv")
                    : Results.File(PersonImportTemplate.Xlsx(lang), PersonImportFiles.XlsxMediaType, $"modele-inscriptions-{lang}.xlsx");
            })
            .WithName("GetApplicantImportTemplate")
            .WithSummary("Download the registration template (XLSX or CSV, Arabic or French headings)")
            .WithDescription("The import reads the headings of either language, or the column keys.")
            .WithParametersFrom<TemplateParameters>()
            .Produces<byte[]>(StatusCodes.Status200OK, PersonImportFiles.XlsxMediaType, CsvUploads.MediaType)
            .ProducesValidationProblem();

        imports.MapGet("/{id:guid}", async ([Description(ImportIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPersonImportQuery(id), ct)))
            .WithName("GetApplicantImport")
            .WithSummary("Follow an import: its status and its counts so far")
            .WithDescription("Its sender, and staff who see every province, read it; anyone else gets 404. The counts move while a worker registers the lines.")
            .Produces<PersonImportDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:guid}/lines", async (
                [Description(ImportIdText)] Guid id,
                ISender sender,
                CancellationToken ct,
                LineOutcome? outcome,
                bool? likelyDuplicates,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetImportedLinesQuery(id, outcome, likelyDuplicates, page, pageSize, sort), ct)))
            .WithName("ListApplicantImportLines")
            .WithSummary("The report of an import, line by line")
            .WithDescription("Each line done: registered (with the person's id and how many known persons it resembles), refused (each column and the rule it breaks) or already registered. Filter by outcome or likelyDuplicates; sort by line or outcome.")
            .WithParametersFrom<GetImportedLinesQuery>()
            .Produces<PagedResult<ImportedLineDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private const string CsvExample =
        "cin,first_name,last_name,first_name_ar,last_name_ar,sex,birth_date,phone,email,commune_code,education_level,household_size,disability,categories,other_category_justification,employment_status,consented_on\n"
        + "X345678,Fatima,Ouali,فاطمة,والي,F,1992-04-17,0661234567,,04.291.01.01,Primary,5,None,WomanInDifficultSituation,,Unemployed,2021-12-04\n";
}
