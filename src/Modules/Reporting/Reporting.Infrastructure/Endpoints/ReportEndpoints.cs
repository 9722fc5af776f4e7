using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reporting.Application.Partners.GetPartnersReport;

namespace Reporting.Infrastructure.Endpoints;

internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(AuthNames.StaffPolicy);
        reports.MapGet("/partners", async (ISender sender, CancellationToken ct, string? provinceCode) =>
                TypedResults.Ok(await sender.Send(new GetPartnersReportQuery(provinceCode), ct)))
            .WithName("GetPartnersReport")
            .WithSummary("Count partner organisations by type")
            .WithDescription("Built from Partnerships' events; a newly registered partner is counted within moments of its registration.")
            .WithParametersFrom<GetPartnersReportQuery>()
            .Produces<PartnersReportDto>()
            .ProducesValidationProblem();
        return app;
    }
}
