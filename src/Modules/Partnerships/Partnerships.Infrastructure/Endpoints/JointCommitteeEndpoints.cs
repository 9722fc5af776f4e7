using System.ComponentModel;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Partnerships.Application.Conventions.Committees;

namespace Partnerships.Infrastructure.Endpoints;

/// <summary>The joint committee's members, replacing the list.</summary>
public sealed record JointCommitteeRequest(IReadOnlyList<JointCommitteeMemberInput>? Members) : ICommitteeInput, IApiExample<JointCommitteeRequest>
{
    public static JointCommitteeRequest Example { get; } = new(
        [.. JointCommitteeDto.Example.Members.Select(m => new JointCommitteeMemberInput(m.Name, m.PartnerId, m.Function))]);
}

/// <summary>A meeting of the joint committee, as its minutes record it.</summary>
public sealed record JointCommitteeMeetingRequest(DateOnly? HeldOn, IReadOnlyList<string>? Attendees, string? Minutes, IReadOnlyList<string>? Decisions)
    : IMeetingInput, IApiExample<JointCommitteeMeetingRequest>
{
    public static JointCommitteeMeetingRequest Example { get; } = new(
        JointCommitteeDto.Example.Meetings[0].HeldOn,
        JointCommitteeDto.Example.Meetings[0].Attendees,
        JointCommitteeDto.Example.Meetings[0].Minutes,
        JointCommitteeDto.Example.Meetings[0].Decisions);
}

/// <summary>A year's action plan: its activities and their progress, replacing the list.</summary>
public sealed record ConventionActionPlanRequest(IReadOnlyList<ActionPlanActivityInput>? Activities) : IActionPlanInput, IApiExample<ConventionActionPlanRequest>
{
    public static ConventionActionPlanRequest Example { get; } = new(
        [.. ActionPlanDto.Example.Activities.Select(a => new ActionPlanActivityInput(a.Title, a.Target, a.ResponsiblePartnerId, a.Progress))]);
}

/// <summary>A plan's year-end evaluation.</summary>
public sealed record ActionPlanEvaluationRequest(DateOnly? EvaluatedOn, string? Summary) : IEvaluationInput, IApiExample<ActionPlanEvaluationRequest>
{
    public static ActionPlanEvaluationRequest Example { get; } = new(
        new DateOnly(2026, 12, 18),
        "38 projets incubés sur 40 ; deux sessions de formation reportées à 2027 faute de formateur.");
}

internal static class JointCommitteeEndpoints
{
    private const string ConventionIdText = "The convention's id, as answered when it was drawn up.";
    private const string YearText = "The plan's calendar year, within the convention's period.";

    public static IEndpointRouteBuilder MapJointCommitteeEndpoints(this IEndpointRouteBuilder app)
    {
        var conventions = app.MapGroup("/api/v1/conventions").WithTags("Conventions").RequireAuthorization(AuthNames.StaffPolicy);

        conventions.MapGet("/{id:guid}/committee", async ([Description(ConventionIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCommitteeQuery(id), ct)))
            .WithName("GetConventionCommittee")
            .WithSummary("A convention's joint committee: its members and its meetings")
            .WithDescription("Members for the agency (no partner) and for each partner; meetings by date, with attendees, minutes and decisions.")
            .Produces<JointCommitteeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        conventions.MapPut("/{id:guid}/committee", async ([Description(ConventionIdText)] Guid id, JointCommitteeRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SetCommitteeCommand(id, request.Members), ct);
                return TypedResults.Ok(await sender.Send(new GetCommitteeQuery(id), ct));
            })
            .WithName("SetConventionCommittee")
            .WithSummary("Set the members of a convention's joint committee")
            .WithDescription("Replaces the list. A member represents the agency (no partner) or one of the convention's partners (422 for anyone else).")
            .Produces<JointCommitteeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapPost("/{id:guid}/committee/meetings", async ([Description(ConventionIdText)] Guid id, JointCommitteeMeetingRequest request, ISender sender, CancellationToken ct) =>
            {
                var meeting = await sender.Send(new RecordMeetingCommand(id, request.HeldOn, request.Attendees, request.Minutes, request.Decisions), ct);
                var committee = await sender.Send(new GetCommitteeQuery(id), ct);
                return TypedResults.Created($"/api/v1/conventions/{id}/committee", committee.Meetings.Single(m => m.Id == meeting));
            })
            .WithName("RecordCommitteeMeeting")
            .WithSummary("Record a meeting of a convention's joint committee")
            .WithDescription("Date, attendees, minutes and decisions. Only a signed, active or expired convention has a committee that meets (422 for a draft or a terminated one).")
            .Produces<Domain.Conventions.JointCommitteeMeeting>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapGet("/{id:guid}/action-plans", async ([Description(ConventionIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetActionPlansQuery(id), ct)))
            .WithName("ListConventionActionPlans")
            .WithSummary("A convention's annual action plans, with their progress and evaluations")
            .WithDescription("By year; each activity with its target, responsible party (none for the agency) and progress.")
            .Produces<IReadOnlyList<ActionPlanDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        conventions.MapPut("/{id:guid}/action-plans/{year:int}", async ([Description(ConventionIdText)] Guid id, [Description(YearText)] int year, ConventionActionPlanRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new PlanYearCommand(id, year, request.Activities), ct);
                return TypedResults.Ok((await sender.Send(new GetActionPlansQuery(id), ct)).Single(p => p.Year == year));
            })
            .WithName("PlanConventionYear")
            .WithSummary("Draw up or revise a year's action plan, with each activity's progress")
            .WithDescription("Replaces the year's activities. The year lies within the convention's period and the convention is signed, active or expired (422 otherwise); an evaluated plan is closed (422). A responsible party is the agency (none) or one of the convention's partners.")
            .Produces<ActionPlanDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapPost("/{id:guid}/action-plans/{year:int}/evaluation", async ([Description(ConventionIdText)] Guid id, [Description(YearText)] int year, ActionPlanEvaluationRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EvaluatePlanCommand(id, year, request.EvaluatedOn, request.Summary), ct);
                return TypedResults.Ok((await sender.Send(new GetActionPlansQuery(id), ct)).Single(p => p.Year == year));
            })
            .WithName("EvaluateConventionActionPlan")
            .WithSummary("Record a plan's year-end evaluation, closing it")
            .WithDescription("From 1 December of the plan's year (422 before); keeps the activities' average progress at that moment. A plan is evaluated once (422 again); a year without a plan answers 404.")
            .Produces<ActionPlanDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
