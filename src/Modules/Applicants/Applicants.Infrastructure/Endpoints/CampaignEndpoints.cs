using System.ComponentModel;
using Applicants.Application.Campaigns;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Applicants.Infrastructure.Endpoints;

/// <summary>An outreach campaign (caravan) to plan: its organiser, its dates and its stops.</summary>
public sealed record CampaignRequest(
    string? Name,
    Guid? OrganiserPartnerId,
    string? OrganiserName,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<CampaignStopInput>? Stops) : ICampaignInput, IApiExample<CampaignRequest>
{
    public static CampaignRequest Example { get; } = new(
        CampaignDto.Example.Name,
        null,
        "Province de Khémisset — Division de l'action sociale",
        CampaignDto.Example.StartsOn,
        CampaignDto.Example.EndsOn,
        [new("04.291.01.03", new DateOnly(2021, 11, 29)), new("04.291.01.01", new DateOnly(2021, 12, 6))]);

    internal PlanCampaignCommand ToCommand() => new(Name, OrganiserPartnerId, OrganiserName, StartsOn, EndsOn, Stops);
}

internal static class CampaignEndpoints
{
    private const string CampaignIdText = "The campaign's id, as answered when it was planned.";

    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAuthorization(AuthNames.StaffPolicy);

        campaigns.MapPost("/", async (CampaignRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(request.ToCommand(), ct);
                return TypedResults.Created($"/api/v1/campaigns/{id}", await sender.Send(new GetCampaignQuery(id), ct));
            })
            .WithName("PlanCampaign")
            .WithSummary("Plan an outreach campaign (caravan) and its stops")
            .WithDescription("The organiser is a partner (organiserPartnerId) or named in free text (organiserName), one of the two. Every stop is in a known commune on a day within the campaign's dates (400 on stops[i] otherwise). Applications registered at a stop name the campaign and the stop (channel CampaignStop).")
            .Produces<CampaignDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        campaigns.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                string? q,
                string? provinceCode,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetCampaignsQuery(q, provinceCode, page, pageSize, sort), ct)))
            .WithName("ListCampaigns")
            .WithSummary("List outreach campaigns, paged, sorted and filtered")
            .WithDescription("Each with its stops and the applications registered at each. Sort by startsOn or name (prefix with - for descending).")
            .WithParametersFrom<GetCampaignsQuery>()
            .Produces<PagedResult<CampaignDto>>()
            .ProducesValidationProblem();

        campaigns.MapGet("/{id:guid}", async ([Description(CampaignIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCampaignQuery(id), ct)))
            .WithName("GetCampaign")
            .WithSummary("Read one campaign, its stops and the applications registered at each")
            .WithDescription("The counts take every province's applications: they name no one.")
            .Produces<CampaignDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        campaigns.MapPost("/{id:guid}/stops", async ([Description(CampaignIdText)] Guid id, CampaignStopInput request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AddCampaignStopCommand(id, request.CommuneCode, request.Date), ct);
                return TypedResults.Ok(await sender.Send(new GetCampaignQuery(id), ct));
            })
            .WithName("AddCampaignStop")
            .WithSummary("Add a stop to a campaign")
            .WithDescription("A stop on a day outside the campaign's dates answers 422 (campaign.stop-outside-dates).")
            .Produces<CampaignDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
