using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Mentoring.Application.Trainings;
using Mentoring.Domain.Trainings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mentoring.Infrastructure.Endpoints;

/// <summary>A training session or workshop to plan.</summary>
public sealed record TrainingRequest(
    TrainingTopic? Topic, string? Title, string? Trainer, DateOnly? StartsOn, DateOnly? EndsOn, string? CommuneCode, string? Venue, int? Capacity)
    : ITrainingInput, IApiExample<TrainingRequest>
{
    public static TrainingRequest Example { get; } = new(
        TrainingDto.Example.Topic, TrainingDto.Example.Title, TrainingDto.Example.Trainer, TrainingDto.Example.StartsOn, TrainingDto.Example.EndsOn,
        TrainingDto.Example.CommuneCode, TrainingDto.Example.Venue, TrainingDto.Example.Capacity);
}

/// <summary>The project holder to enrol.</summary>
public sealed record EnrolmentRequest(Guid? PersonId) : IParticipantInput, IApiExample<EnrolmentRequest>
{
    public static EnrolmentRequest Example { get; } = new(EnrolmentDto.Example.PersonId);
}

/// <summary>Whether an enrolled project holder attended.</summary>
public sealed record AttendanceRequest(Guid? PersonId, bool? Attended) : IAttendanceInput, IApiExample<AttendanceRequest>
{
    public static AttendanceRequest Example { get; } = new(EnrolmentDto.Example.PersonId, true);
}

internal static class TrainingEndpoints
{
    private const string TrainingIdText = "The session's id, as answered when it was planned.";

    public static IEndpointRouteBuilder MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var trainings = app.MapGroup("/api/v1/trainings").WithTags("Trainings").RequireAuthorization(AuthNames.StaffPolicy);

        trainings.MapPost("/", async (TrainingRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new PlanTrainingCommand(request.Topic, request.Title, request.Trainer, request.StartsOn, request.EndsOn, request.CommuneCode, request.Venue, request.Capacity), ct);
                return TypedResults.Created($"/api/v1/trainings/{id}", await sender.Send(new GetTrainingQuery(id), ct));
            })
            .WithName("PlanTraining")
            .WithSummary("Plan a training session or workshop")
            .WithDescription("The commune must be in the reference geography; an Officer plans sessions in his provinces only.")
            .Produces<TrainingDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        trainings.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                TrainingTopic? topic,
                string? provinceCode,
                DateOnly? from,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetTrainingsQuery(topic, provinceCode, from, page, pageSize, sort), ct)))
            .WithName("ListTrainings")
            .WithSummary("List training sessions, paged, sorted and filtered")
            .WithDescription("Sort by startsOn or title (prefix with - for descending). An Officer sees the sessions of his provinces.")
            .WithParametersFrom<GetTrainingsQuery>()
            .Produces<PagedResult<TrainingDto>>()
            .ProducesValidationProblem();

        trainings.MapGet("/{id:guid}", async ([Description(TrainingIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTrainingQuery(id), ct)))
            .WithName("GetTraining")
            .WithSummary("Read one training session with its enrolments")
            .WithDescription("A session the caller may not see answers 404.")
            .Produces<TrainingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        trainings.MapPost("/{id:guid}/enrolments", async ([Description(TrainingIdText)] Guid id, EnrolmentRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EnrolInTrainingCommand(id, request.PersonId), ct);
                return TypedResults.Ok(await sender.Send(new GetTrainingQuery(id), ct));
            })
            .WithName("EnrolInTraining")
            .WithSummary("Enrol a project holder in a session")
            .WithDescription("The person must be a project holder registered in Applicants and visible to the caller (422 training.unknown-person); a record merged into another as a duplicate enrols the one it was merged into. At most the session's capacity (422 training.full); a person is enrolled once (422 training.already-enrolled).")
            .Produces<TrainingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        trainings.MapPost("/{id:guid}/attendance", async ([Description(TrainingIdText)] Guid id, AttendanceRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RecordAttendanceCommand(id, request.PersonId, request.Attended), ct);
                return TypedResults.Ok(await sender.Send(new GetTrainingQuery(id), ct));
            })
            .WithName("RecordTrainingAttendance")
            .WithSummary("Record whether an enrolled project holder attended")
            .WithDescription("Only for a person enrolled in the session (422 training.not-enrolled; 422 training.unknown-person for a person Applicants does not know); a merged record stands for the one it was merged into; recording again corrects it.")
            .Produces<TrainingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        trainings.MapGet("/participants/{personId:guid}", async ([Description("The person (Applicants), by id.")] Guid personId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTrainingRecordQuery(personId), ct)))
            .WithName("GetTrainingRecord")
            .WithSummary("A project holder's training record")
            .WithDescription("The sessions he was enrolled in, newest first, with his attendance; asked by a record merged into another, the kept person's record. A person Applicants does not know, or outside the caller's provinces, answers 404.")
            .Produces<IReadOnlyList<TrainingRecordDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
