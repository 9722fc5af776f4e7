using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
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
using Partnerships.Application.Projects;
using Partnerships.Domain.Partners;

namespace Partnerships.Infrastructure.Endpoints;

/// <summary>A partner organisation's details, to register it or to correct them (then with <c>version</c>).</summary>
/// <param name="Version">Required when correcting (PUT): the version you read; ignored on registration.</param>
public sealed record PartnerRequest(
    string? Name,
    string? NameAr,
    string? Acronym,
    PartnerType? Type,
    string? ProvinceCode,
    string? ContactEmail,
    string? ContactPhone,
    string? Ice = null,
    string? RegistrationNumber = null,
    IReadOnlyList<PartnerContactInput>? Contacts = null,
    IReadOnlyList<string>? ProvincesOfAction = null,
    uint? Version = null) : IPartnerInput, IApiExample<PartnerRequest>
{
    public static PartnerRequest Example { get; } = new(
        "Association Femmes de Taounate",
        "جمعية نساء تاونات",
        "AFT",
        PartnerType.Association,
        "03.531",
        "contact@femmes-taounate.ma",
        "+212 535 62 10 44",
        null,
        PartnerDto.Example.RegistrationNumber,
        [.. PartnerDto.Example.Contacts.Select(c => new PartnerContactInput(c.Name, c.Role, c.Email, c.Phone))],
        PartnerDto.Example.ProvincesOfAction,
        PartnerDto.Example.Version);
}

/// <summary>The key to issue to a partner's system.</summary>
public sealed record IssueApiKeyRequest(string? Label, IReadOnlyList<string>? Scopes) : IApiKeyInput, IApiExample<IssueApiKeyRequest>
{
    public static IssueApiKeyRequest Example { get; } = new(IssuedApiKeyDto.Example.Label, IssuedApiKeyDto.Example.Scopes);
}

internal static class PartnerEndpoints
{
    private const string PartnerIdText = "The partner's id, as answered on registration.";
    private const string KeyIdText = "The key's id, as answered when it was issued or listed.";

    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/v1/partners").WithTags("Partners").RequireAuthorization(AuthNames.StaffPolicy);

        partners.MapPost("/", async (PartnerRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(
                    new RegisterPartnerCommand(
                        request.Name, request.NameAr, request.Acronym, request.Type, request.ProvinceCode, request.ContactEmail, request.ContactPhone,
                        request.Ice, request.RegistrationNumber, request.Contacts, request.ProvincesOfAction),
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
            .WithParametersFrom<GetPartnersQuery>()
            .Produces<PagedResult<PartnerDto>>()
            .ProducesValidationProblem();

        partners.MapGet("/{id:guid}", async ([Description(PartnerIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPartnerQuery(id), ct)))
            .WithName("GetPartner")
            .WithSummary("Read one partner organisation")
            .WithDescription("An Officer reads national partners and those of his provinces; any other answers 404, as if it did not exist.")
            .Produces<PartnerDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        partners.MapPut("/{id:guid}", async ([Description(PartnerIdText)] Guid id, PartnerRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(
                    new UpdatePartnerCommand(
                        id, request.Version, request.Name, request.NameAr, request.Acronym, request.Type, request.ProvinceCode, request.ContactEmail, request.ContactPhone,
                        request.Ice, request.RegistrationNumber, request.Contacts, request.ProvincesOfAction),
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

        partners.MapPost("/{id:guid}/api-keys", async ([Description(PartnerIdText)] Guid id, IssueApiKeyRequest request, ISender sender, CancellationToken ct) =>
            {
                var issued = await sender.Send(new IssueApiKeyCommand(id, request.Label ?? string.Empty, request.Scopes), ct);
                return TypedResults.Created($"/api/v1/partners/{id}/api-keys/{issued.Id}", issued);
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("IssuePartnerApiKey")
            .WithSummary("Issue an API key to a partner system (shown once)")
            .WithDescription("Admins only. The answer holds the key itself, which the agency does not keep: hand it to the partner over a safe channel. The partner's system sends it in the X-Api-Key header. Its scopes say which partner endpoints it may call (each partner endpoint names the scope it needs; without it the answer is 403). Each key has its own request budget per minute (429 with Retry-After beyond it).")
            .Produces<IssuedApiKeyDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        partners.MapGet("/{id:guid}/api-keys", async ([Description(PartnerIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetApiKeysQuery(id), ct)))
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("ListPartnerApiKeys")
            .WithSummary("A partner system's API keys (never the keys themselves)")
            .WithDescription("Admins only. Newest first, with their scopes, and when each was revoked or rotated away.")
            .Produces<IReadOnlyList<ApiKeyDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        partners.MapPost("/{id:guid}/api-keys/{keyId:guid}/rotate", async ([Description(PartnerIdText)] Guid id, [Description(KeyIdText)] Guid keyId, ISender sender, CancellationToken ct) =>
            {
                var issued = await sender.Send(new RotateApiKeyCommand(id, keyId), ct);
                return TypedResults.Created($"/api/v1/partners/{id}/api-keys/{issued.Id}", issued);
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("RotatePartnerApiKey")
            .WithSummary("Replace an API key by a new one with the same label and scopes (shown once)")
            .WithDescription("Admins only. The old key stops working at once; hand the new one to the partner. A revoked key cannot be rotated (422); a key of another partner answers 404.")
            .Produces<IssuedApiKeyDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        partners.MapPost("/{id:guid}/api-keys/{keyId:guid}/revoke", async ([Description(PartnerIdText)] Guid id, [Description(KeyIdText)] Guid keyId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeApiKeyCommand(id, keyId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("RevokePartnerApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("Admins only. The key stops working at once, for good; revoking it again changes nothing. A key of another partner answers 404.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var portal = app.MapGroup("/api/v1/partner").WithTags("Partner systems").RequireAuthorization(AuthNames.PartnerPolicy)
            .RequireRateLimiting(PartnerAccess.RateLimitPolicy);
        portal.MapGet("/profile", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOwnPartnerQuery(), ct)))
            .WithName("GetOwnPartnerProfile")
            .WithSummary("The calling partner system's own organisation")
            .WithDescription("For partner systems (X-Api-Key): the organisation the key was issued to, and no other.")
            .Produces<PartnerDto>();

        portal.MapGet("/projects", async (
                ISender sender,
                CancellationToken ct,
                DateTimeOffset? changedSince,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize) =>
                TypedResults.Ok(await sender.Send(new GetPartnerProjectsQuery(changedSince, page, pageSize), ct)))
            .RequireScope(ApiKeyScopes.StatusRead)
            .WithName("ListPartnerProjects")
            .WithSummary("The status feed: the projects the calling partner referred or sponsors, with their stages")
            .WithDescription("Needs the key scope `status:read` (403 without it). Lists the projects this partner referred, and those of the programmes its signed or active conventions frame, oldest change first, each with its current stage and dated history (nothing personal). To poll: keep the highest `updatedOn` you received and send it as `changedSince` next time; `changedSince` is inclusive, so a project may come again: keep, per `applicationId`, the highest `sequence` you saw. Another partner's projects never appear.")
            .WithParametersFrom<GetPartnerProjectsQuery>()
            .Produces<PagedResult<PartnerProjectDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        portal.MapGet("/projects/{applicationId:guid}", async ([Description("The application's id, as the feed lists it.")] Guid applicationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPartnerProjectQuery(applicationId), ct)))
            .RequireScope(ApiKeyScopes.StatusRead)
            .WithName("GetPartnerProject")
            .WithSummary("One project the calling partner follows, with its stage and dated history")
            .WithDescription("Needs the key scope `status:read`. A project this partner does not follow answers 404, exactly as one that does not exist.")
            .Produces<PartnerProjectDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }
}
