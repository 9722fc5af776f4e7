using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Security;
using Financing.Application.Committees;
using Financing.Application.Financings.ApproveFinancing;
using Financing.Domain.Committees;
using Financing.Domain.Financings;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Financing.Infrastructure.Endpoints;

/// <summary>A committee session to record.</summary>
public sealed record CommitteeRequest(Guid? ProgrammeId, DateOnly? HeldOn, IReadOnlyList<string>? Members, IReadOnlyList<Guid>? Agenda, string? Minutes)
    : ICommitteeInput, IApiExample<CommitteeRequest>
{
    public static CommitteeRequest Example { get; } = new(
        CommitteeDto.Example.ProgrammeId, CommitteeDto.Example.HeldOn, CommitteeDto.Example.Members, CommitteeDto.Example.Agenda, CommitteeDto.Example.Minutes);
}

/// <summary>A committee's decision on one application of its agenda.</summary>
public sealed record DecisionRequest(Guid? ApplicationId, DecisionOutcome? Outcome, string? Reason, decimal? TotalCost, IReadOnlyList<PlanLineInput>? Lines)
    : IDecisionInput, IApiExample<DecisionRequest>
{
    public static DecisionRequest Example { get; } = new(
        CommitteeDto.Example.Agenda[0],
        DecisionOutcome.Approved,
        null,
        85_000.00m,
        [
            new PlanLineInput(PlanLineSource.FunderGrant, Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c16"), 50_000.00m),
            new PlanLineInput(PlanLineSource.OwnContributionCash, null, 10_500.00m),
            new PlanLineInput(PlanLineSource.OwnContributionInKind, null, 15_000.00m),
            new PlanLineInput(PlanLineSource.Loan, null, 9_500.00m, 0m, 36, 6),
        ]);
}

internal static class CommitteeEndpoints
{
    private const string CommitteeIdText = "The committee session's id, as answered when it was recorded.";

    public static IEndpointRouteBuilder MapCommittees(this IEndpointRouteBuilder app)
    {
        var committees = app.MapGroup("/api/v1/committees").WithTags("Committees").RequireAuthorization(AuthNames.StaffPolicy);

        committees.MapPost("/", async (CommitteeRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new ConveneCommitteeCommand(request.ProgrammeId, request.HeldOn, request.Members, request.Agenda, request.Minutes), ct);
                return TypedResults.Created($"/api/v1/committees/{id}", await sender.Send(new GetCommitteeQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("ConveneCommittee")
            .WithSummary("Record a selection committee session")
            .WithDescription("Its date, members, agenda (applications of the programme, 422 otherwise) and minutes.")
            .Produces<CommitteeDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        committees.MapGet("/", async (ISender sender, CancellationToken ct, Guid? programmeId, int page = PageDefaults.Page, int pageSize = PageDefaults.PageSize, string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetCommitteesQuery(programmeId, page, pageSize, sort), ct)))
            .WithName("ListCommittees")
            .WithSummary("List committee sessions, the latest first")
            .WithDescription("Optionally those of one programme. Sort by heldOn (prefix with - for descending).")
            .WithParametersFrom<GetCommitteesQuery>()
            .Produces<PagedResult<CommitteeDto>>()
            .ProducesValidationProblem();

        committees.MapGet("/{id:guid}", async ([Description(CommitteeIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCommitteeQuery(id), ct)))
            .WithName("GetCommittee")
            .WithSummary("Read a committee session and its decisions")
            .WithDescription("Its members, agenda, minutes and decisions in the order they were recorded.")
            .Produces<CommitteeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        committees.MapPost("/{id:guid}/decisions", async ([Description(CommitteeIdText)] Guid id, DecisionRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RecordDecisionCommand(id, request.ApplicationId, request.Outcome, request.Reason, request.TotalCost, request.Lines), ct);
                return TypedResults.Ok(await sender.Send(new GetCommitteeQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("RecordCommitteeDecision")
            .WithSummary("Record a decision: approve with a plan, reject with a reason, or defer")
            .WithDescription("Only an eligible application of the agenda is decided on (422). An approval's plan balances to the total cost, meets the programme's contribution rate and maximum grant (422 naming the rule), and fits each funder's remaining envelope: two approvals at once against the last of an envelope, one succeeds and the other gets 409. Each decision is published to the other modules.")
            .Produces<CommitteeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
