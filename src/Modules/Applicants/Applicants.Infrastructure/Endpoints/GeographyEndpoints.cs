using Applicants.Application.Geography;
using Applicants.Application.Geography.GetCommunes;
using Applicants.Application.Geography.GetProvinces;
using Applicants.Application.Geography.GetRegions;
using Applicants.Application.Geography.ImportCommunes;
using Applicants.Domain.Geography;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Applicants.Infrastructure.Endpoints;

internal static class GeographyEndpoints
{
    public static IEndpointRouteBuilder MapGeographyEndpoints(this IEndpointRouteBuilder app)
    {
        var geography = app.MapGroup("/api/v1/geography").WithTags("Geography").RequireAuthorization(AuthNames.StaffPolicy);

        geography.MapGet("/regions", async (
                ISender sender,
                CancellationToken ct,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetRegionsQuery(page, pageSize, sort), ct)))
            .WithName("ListRegions")
            .WithSummary("List Morocco's twelve regions")
            .WithDescription("HCP codes with French and Arabic names (2015 division). Sort by code, nameFr or nameAr.")
            .WithParametersFrom<GetRegionsQuery>()
            .Produces<PagedResult<RegionDto>>()
            .ProducesValidationProblem();

        geography.MapGet("/provinces", async (
                ISender sender,
                CancellationToken ct,
                string? region,
                ProvinceKind? kind,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetProvincesQuery(region, kind, page, pageSize, sort), ct)))
            .WithName("ListProvinces")
            .WithSummary("List provinces and prefectures, of one region or of all")
            .WithDescription("The 75 provinces and prefectures with their HCP codes (RR.PPP), the code staff accounts, partners and persons refer to. Sort by code, nameFr or nameAr.")
            .WithParametersFrom<GetProvincesQuery>()
            .Produces<PagedResult<ProvinceDto>>()
            .ProducesValidationProblem();

        geography.MapGet("/communes", async (
                ISender sender,
                CancellationToken ct,
                string? province,
                CommuneKind? kind,
                string? q,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetCommunesQuery(province, kind, q, page, pageSize, sort), ct)))
            .WithName("ListCommunes")
            .WithSummary("List communes, of one province or of all")
            .WithDescription("The 1,503 communes (RGPH 2024 codes RR.PPP.CC.NN, urban or rural), filtered by province, kind or a text in either name. Sort by code, nameFr or nameAr.")
            .WithParametersFrom<GetCommunesQuery>()
            .Produces<PagedResult<CommuneDto>>()
            .ProducesValidationProblem();

        geography.MapPost("/communes/imports", async (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var lines = await CsvUploads.ReadAsync(request, CommuneFile.Columns, CommuneFile.MaxLines, ct);
                var command = new ImportCommunesCommand([.. lines.Select(l => new CommuneLine(l.Line, l.Values[0], l.Values[1], l.Values[2], l.Values[3], l.Values[4], l.Unstorable))]);
                return TypedResults.Ok(await sender.Send(command, ct));
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .AcceptsCsv(CommunesExample)
            .WithName("ImportCommunes")
            .WithSummary("Add or correct communes from HCP's file (CSV)")
            .WithDescription(
                "Admins only. The body is the communes file as CSV (text/csv, UTF-8, comma or semicolon separated), its first line naming the columns "
                + string.Join(", ", CommuneFile.Columns) + " (the format of the file the system was seeded from). Every line is checked: "
                + "code RR.PPP.CC.NN, a known province that is the code's first six characters, kind urban or rural, both names. "
                + "One bad line refuses the whole file with 400, every bad line named as lines[n].column (n is the line in the file, the header being line 1); "
                + "otherwise new communes are added and the kind or names of existing ones corrected, in one transaction. Communes absent from the file are kept: "
                + "persons and projects refer to them. Sending the same file twice changes nothing the second time.")
            .Produces<CommuneImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return app;
    }

    private const string CommunesExample =
        "code,province_code,kind,name_fr,name_ar\n"
        + "03.531.01.05,03.531,urban,Taounate,تاونات\n"
        + "03.531.01.03,03.531,urban,Karia Ba Mohamed,قرية با محمد\n";
}
