using System.ComponentModel;
using Applicants.Application.Referrals;
using Applicants.Domain.Applications;
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

namespace Applicants.Infrastructure.Endpoints;

/// <summary>A candidate a partner's system refers: the person and their project.</summary>
public sealed record ReferralRequest(ReferredPerson? Person, ReferredProject? Project) : IReferralInput, IApiExample<ReferralRequest>
{
    public static ReferralRequest Example { get; } = new(ReferredPerson.Example, ReferredProject.Example);
}

internal static class ReferralEndpoints
{
    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var referrals = app.MapGroup("/api/v1/partner/referrals").WithTags("Partner systems").RequireAuthorization(AuthNames.PartnerPolicy)
            .RequireRateLimiting(PartnerAccess.RateLimitPolicy)
            .RequireScope(ApiKeyScopes.ReferralsWrite);

        referrals.MapPost("/", async (ReferralRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new ReferCandidateCommand(request.Person, request.Project), ct);
                return TypedResults.Created($"/api/v1/partner/referrals/{id}", await sender.Send(new GetReferralQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("ReferCandidate")
            .WithSummary("Refer a candidate: the person and their project application")
            .WithDescription(
                "Needs the key scope `referrals:write` (403 without it). The person is registered with the same rules as a staff registration, "
                + "or, when the agency already knows this CIN, keeps the record it has (the names and birth date sent must then be that person's: 409 `referral.cin-of-another-person` otherwise). "
                + "The application is filed through the PartnerReferral channel, attributed to the calling partner, at stage Submitted; the agency then assesses it. "
                + "Both communes must be in the provinces where the partner acts (its province and provinces of action; a national organisation that lists none acts everywhere): 422 `referral.outside-partner-provinces` otherwise. "
                + "Send an `Idempotency-Key` header to retry safely: the same key with the same body answers the first answer again and creates nothing; with another body, 422. "
                + "Each later stage change reaches the status feed and the partner's webhook.")
            .Produces<ReferralDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        referrals.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                Guid? programmeId,
                ApplicationStage? stage,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetReferralsQuery(programmeId, stage, page, pageSize, sort), ct)))
            .WithName("ListReferrals")
            .WithSummary("The calling partner's referrals, with their current stage and history")
            .WithDescription("Needs the key scope `referrals:write`. Only this partner's referrals, whichever provinces it acts in today; sort by submittedOn or title (prefix with - for descending).")
            .WithParametersFrom<GetReferralsQuery>()
            .Produces<PagedResult<ReferralDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        referrals.MapGet("/{id:guid}", async ([Description("The referral's id, as answered when it was sent.")] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetReferralQuery(id), ct)))
            .WithName("GetReferral")
            .WithSummary("One of the calling partner's referrals, with its stage and history")
            .WithDescription("Needs the key scope `referrals:write`. Another partner's referral answers 404, exactly as one that does not exist.")
            .Produces<ReferralDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return app;
    }
}
