using System.ComponentModel;
using Applicants.Application.Duplicates;
using Applicants.Domain.Duplicates;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Applicants.Infrastructure.Endpoints;

internal static class DuplicateEndpoints
{
    private const string DuplicateIdText = "The likely duplicate's id, as listed by GET /api/v1/duplicates or in a person's possibleDuplicates.";

    public static IEndpointRouteBuilder MapDuplicateEndpoints(this IEndpointRouteBuilder app)
    {
        var duplicates = app.MapGroup("/api/v1/duplicates").WithTags("Applicants").RequireAuthorization(AuthNames.StaffPolicy);

        duplicates.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                DuplicateStatus? status,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetDuplicatesQuery(status, page, pageSize, sort), ct)))
            .WithName("ListDuplicates")
            .WithSummary("List likely duplicates, open ones by default, paged")
            .WithDescription("Registrations that look like a person registered earlier under another spelling (names folded in both scripts, birth date, commune), for a staff member to merge or dismiss. An Officer sees those whose two persons live in his provinces.")
            .WithParametersFrom<GetDuplicatesQuery>()
            .Produces<PagedResult<DuplicateCandidateDto>>()
            .ProducesValidationProblem();

        duplicates.MapPost("/{id:guid}/merge", async ([Description(DuplicateIdText)] Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new MergeDuplicateCommand(id), ct);
                return TypedResults.Ok(await sender.Send(new GetDuplicateQuery(id), ct));
            })
            .WithName("MergeDuplicate")
            .WithSummary("Confirm a likely duplicate: retire the later registration into the earlier one")
            .WithDescription("The earlier registration stays; the later one keeps its record with mergedIntoId and leaves search. A likely duplicate already merged or dismissed answers 422.")
            .Produces<DuplicateCandidateDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        duplicates.MapPost("/{id:guid}/dismiss", async ([Description(DuplicateIdText)] Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DismissDuplicateCommand(id), ct);
                return TypedResults.Ok(await sender.Send(new GetDuplicateQuery(id), ct));
            })
            .WithName("DismissDuplicate")
            .WithSummary("Dismiss a likely duplicate: the two are different persons")
            .WithDescription("Both registrations stay. A likely duplicate already merged or dismissed answers 422.")
            .Produces<DuplicateCandidateDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
