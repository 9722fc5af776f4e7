using Applicants.Application.Geography;
using Applicants.Application.Geography.GetCommunes;
using Applicants.Application.Geography.GetProvinces;
using Applicants.Application.Geography.GetRegions;
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

        return app;
    }
}
