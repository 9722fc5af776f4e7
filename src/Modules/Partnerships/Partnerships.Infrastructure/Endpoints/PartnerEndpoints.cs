using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Partnerships.Application.ApiKeys.GetOwnPartner;
using Partnerships.Application.ApiKeys.IssueApiKey;
using Partnerships.Application.Partners;
using Partnerships.Application.Partners.GetPartner;
using Partnerships.Application.Partners.GetPartners;
using Partnerships.Application.Partners.RegisterPartner;
using Partnerships.Application.Partners.UpdatePartner;
using Partnerships.Domain.Partners;

namespace Partnerships.Infrastructure.Endpoints;

/// <summary>Body of <c>POST /api/v1/partners</c> and <c>PUT /api/v1/partners/{id}</c> (with <c>version</c> on update).</summary>
public sealed record PartnerRequest(
    string? Name,
    string? NameAr,
    string? Acronym,
    PartnerType? Type,
    string? ProvinceCode,
    string? ContactEmail,
    string? ContactPhone,
    uint? Version = null);

/// <summary>Body of <c>POST /api/v1/partners/{id}/api-keys</c>.</summary>
public sealed record IssueApiKeyRequest(string? Label);

internal static class PartnerEndpoints
{
    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/v1/partners").WithTags("Partners").RequireAuthorization(AuthNames.StaffPolicy);

        partners.MapPost("/", async (PartnerRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(
                    new RegisterPartnerCommand(request.Name, request.NameAr, request.Acronym, request.Type, request.ProvinceCode, request.ContactEmail, request.ContactPhone),
                    ct);
                return TypedResults.Created($"/api/v1/partners/{id}", await sender.Send(new GetPartnerQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("RegisterPartner")
            .WithSummary("Register a partner organisation")
            .WithDescription("An Officer registers partners of his provinces only; national partners (no province) need a ProgramManager or an Admin.")
            .Produces<PartnerDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        partners.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                PartnerType? type,
                string? provinceCode,
                string? q,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetPartnersQuery(type, provinceCode, q, page, pageSize, sort), ct)))
            .WithName("ListPartners")
            .WithSummary("List partner organisations, paged, sorted and filtered")
            .WithDescription("Sort by name, type, provinceCode or registeredOn (prefix with - for descending). An Officer sees national partners and those of his provinces.")
            .Produces<PagedResult<PartnerDto>>()
            .ProducesValidationProblem();

        partners.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPartnerQuery(id), ct)))
            .WithName("GetPartner")
            .WithSummary("Read one partner organisation")
            .Produces<PartnerDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        partners.MapPut("/{id:guid}", async (Guid id, PartnerRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(
                    new UpdatePartnerCommand(id, request.Version, request.Name, request.NameAr, request.Acronym, request.Type, request.ProvinceCode, request.ContactEmail, request.ContactPhone),
                    ct);
                return TypedResults.Ok(await sender.Send(new GetPartnerQuery(id), ct));
            })
            .WithName("UpdatePartner")
            .WithSummary("Correct a partner organisation's details")
            .WithDescription("Send back the version you read; if somebody changed the partner since, the answer is 409 and nothing is changed.")
            .Produces<PartnerDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        partners.MapPost("/{id:guid}/api-keys", async (Guid id, IssueApiKeyRequest request, ISender sender, CancellationToken ct) =>
            {
                var issued = await sender.Send(new IssueApiKeyCommand(id, request.Label ?? string.Empty), ct);
                return TypedResults.Created($"/api/v1/partners/{id}/api-keys/{issued.Id}", issued);
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("IssuePartnerApiKey")
            .WithSummary("Issue an API key to a partner system (shown once)")
            .Produces<IssuedApiKeyDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var portal = app.MapGroup("/api/v1/partner").WithTags("Partner systems").RequireAuthorization(AuthNames.PartnerPolicy);
        portal.MapGet("/profile", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOwnPartnerQuery(), ct)))
            .WithName("GetOwnPartnerProfile")
            .WithSummary("The calling partner system's own organisation")
            .Produces<PartnerDto>();

        return app;
    }
}
