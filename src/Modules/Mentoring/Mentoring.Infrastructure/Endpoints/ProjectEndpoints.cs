using System.ComponentModel;
using System.Text.Json.Nodes;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Mentoring.Application.Projects;
using Mentoring.Application.Projects.AssignMentor;
using Mentoring.Application.Projects.GetMentorSuggestions;
using Mentoring.Application.Projects.GetProject;
using Mentoring.Application.Projects.GetProjects;
using Mentoring.Application.Reminders;
using BuildingBlocks.Application.Reminders;
using Mentoring.Application.Visits;
using Mentoring.Application.Visits.GetVisits;
using Mentoring.Application.Visits.ReportVisit;
using Mentoring.Application.Visits.RescheduleVisit;
using Mentoring.Domain.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Mentoring.Infrastructure.Endpoints;

/// <summary>The mentor to give a project waiting for one.</summary>
public sealed record AssignMentorRequest(Guid? MentorId, bool? OverrideCapacity) : IAssignMentorInput, IApiExample<AssignMentorRequest>
{
    public static AssignMentorRequest Example { get; } = new(Guid.Parse("019ac3a0-1f2e-7b4c-8d5e-6f708192a3b4"), false);
}

/// <summary>The mentor who takes over a project in follow-up, and why.</summary>
public sealed record ReassignMentorRequest(Guid? MentorId, string? Reason, bool? OverrideCapacity) : IReassignMentorInput, IApiExample<ReassignMentorRequest>
{
    public static ReassignMentorRequest Example { get; } = new(Guid.Parse("019ac3a0-1f2e-7b4c-8d5e-6f708192a3b4"), "Le mentor précédent a quitté l'association.", false);
}

/// <summary>The new day of a planned visit, and why it moves.</summary>
public sealed record RescheduleVisitRequest(DateOnly? DueOn, string? Reason) : IRescheduleVisitInput, IApiExample<RescheduleVisitRequest>
{
    public static RescheduleVisitRequest Example { get; } = new(new DateOnly(2027, 1, 8), "Le porteur de projet est au souk hebdomadaire le jour prévu.");
}

/// <summary>What the mentor found at a visit.</summary>
public sealed record ReportVisitRequest(
    DateOnly? VisitedOn,
    VisitMode? Mode,
    EnterpriseState? EnterpriseState,
    decimal? MonthlyRevenue,
    int? JobsHeldByWomen,
    int? JobsHeldByMen,
    string? Problems,
    string? Recommendations,
    bool? Positive) : IVisitReportInput, IApiExample<ReportVisitRequest>
{
    public static ReportVisitRequest Example { get; } = new(
        new DateOnly(2026, 12, 24), VisitMode.OnSite, Domain.Projects.EnterpriseState.Active, 4500.00m,
        2, 1, VisitDto.Example.Problems, VisitDto.Example.Recommendations, true);
}

internal static class ProjectEndpoints
{
    private const string ProjectIdText = "The project's id: its application's id.";
    private const string VisitIdText = "The visit's id, as listed in the project's visits.";

    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/v1/mentoring/projects").WithTags("Mentoring").RequireAuthorization(AuthNames.StaffPolicy);

        projects.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                ProjectStatus? status,
                Guid? mentorId,
                string? provinceCode,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetProjectsQuery(status, mentorId, provinceCode, page, pageSize, sort), ct)))
            .WithName("ListMentoredProjects")
            .WithSummary("List financed projects in mentoring, paged, sorted and filtered")
            .WithDescription("Projects arrive when Financing approves them. An Officer sees those of his provinces; a Mentor only those assigned to him.")
            .WithParametersFrom<GetProjectsQuery>()
            .Produces<PagedResult<ProjectDto>>()
            .ProducesValidationProblem();

        projects.MapGet("/{id:guid}", async ([Description(ProjectIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetProjectQuery(id), ct)))
            .WithName("GetMentoredProject")
            .WithSummary("Read one project in mentoring")
            .WithDescription("Any project the caller may not see answers 404, as if it did not exist.")
            .Produces<ProjectDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        projects.MapGet("/{id:guid}/mentor-suggestions", async ([Description(ProjectIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMentorSuggestionsQuery(id), ct)))
            .WithName("SuggestMentors")
            .WithSummary("Rank active mentors for a project")
            .WithDescription("Mentors who know the project's sector first, then those who work in its province, then the most free capacity; at most 20. For coordinators, not Mentors.")
            .Produces<IReadOnlyList<MentorSuggestionDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        projects.MapPost("/{id:guid}/assign", async ([Description(ProjectIdText)] Guid id, AssignMentorRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AssignMentorCommand(id, request.MentorId, request.OverrideCapacity), ct);
                return TypedResults.Ok(await sender.Send(new GetProjectQuery(id), ct));
            })
            .WithName("AssignMentor")
            .WithSummary("Give a waiting project its mentor and plan its visits")
            .WithDescription("Plans the follow-up visits from the programme's policy, counted from today, and publishes mentoring.mentor-assigned. A mentor at capacity needs overrideCapacity (422 mentor.at-capacity otherwise).")
            .Produces<ProjectDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        projects.MapPost("/{id:guid}/reassign", async ([Description(ProjectIdText)] Guid id, ReassignMentorRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ReassignMentorCommand(id, request.MentorId, request.Reason, request.OverrideCapacity), ct);
                return TypedResults.Ok(await sender.Send(new GetProjectQuery(id), ct));
            })
            .WithName("ReassignMentor")
            .WithSummary("Hand a project in follow-up to another mentor, with the reason")
            .WithDescription("The remaining visits keep their days and go to the new mentor; the assignment history keeps who, when, by whom and why.")
            .Produces<ProjectDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        projects.MapGet("/{id:guid}/visits", async ([Description(ProjectIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetVisitsQuery(id), ct)))
            .WithName("ListProjectVisits")
            .WithSummary("A project's follow-up plan: its visits, planned and reported")
            .WithDescription("In plan order. A Mentor reads the visits of his own projects only.")
            .Produces<IReadOnlyList<VisitDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var visits = app.MapGroup("/api/v1/mentoring/visits").WithTags("Mentoring").RequireAuthorization(AuthNames.StaffPolicy);

        visits.MapPost("/{id:guid}/reschedule", async ([Description(VisitIdText)] Guid id, RescheduleVisitRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RescheduleVisitCommand(id, request.DueOn, request.Reason), ct);
                return TypedResults.Ok(await sender.Send(new GetVisitQuery(id), ct));
            })
            .WithName("RescheduleVisit")
            .WithSummary("Move a planned visit to another day, with the reason")
            .WithDescription("Its mentor or a coordinator. A reported or cancelled visit is not moved (422 visit.not-planned).")
            .Produces<VisitDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        visits.MapPost("/{id:guid}/report", async ([Description(VisitIdText)] Guid id, ReportVisitRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(
                    new ReportVisitCommand(id, request.VisitedOn, request.Mode, request.EnterpriseState, request.MonthlyRevenue, request.JobsHeldByWomen, request.JobsHeldByMen, request.Problems, request.Recommendations, request.Positive),
                    ct);
                return TypedResults.Ok(await sender.Send(new GetVisitQuery(id), ct));
            })
            .WithName("ReportVisit")
            .WithSummary("Report a follow-up visit")
            .WithDescription("Publishes mentoring.visit-reported (Financing releases a conditional tranche on a positive one; planCompleted on the plan's last visit, or at once when the enterprise ceased, which cancels the remaining visits).")
            .Produces<VisitDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet("/api/v1/mentoring/reminders", async (
                ISender sender,
                CancellationToken ct,
                string? status,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetRemindersQuery(ReminderStatusOf(status), page, pageSize, sort), ct)))
            .RequireAuthorization(AuthNames.StaffPolicy)
            .WithTags("Mentoring")
            .WithName("ListReminders")
            .WithSummary("List the reminder emails the ledger recorded, e.g. those that failed")
            .WithDescription("status=Failed lists what needs an operator: refused by the mail server, out of attempts, or interrupted while sending (never sent again, as it may have gone out). Admins, ProgramManagers and Auditors.")
            .WithParametersFrom<GetRemindersQuery>()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Bound as text to take any case; the document still lists the states.
                if (operation.Parameters?.FirstOrDefault(p => p.Name == "status") is OpenApiParameter { Schema: OpenApiSchema schema })
                {
                    schema.Enum = [.. Enum.GetNames<ReminderStatus>().Select(name => (JsonNode)JsonValue.Create(name))];
                }

                return Task.CompletedTask;
            })
            .Produces<PagedResult<ReminderDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }

    /// <summary>
    /// The issue and operators write <c>status=failed</c>: any case is taken. An unknown state is
    /// passed on as out of range, for the query's validator to refuse field by field (400).
    /// </summary>
    private static ReminderStatus? ReminderStatusOf(string? status) =>
        string.IsNullOrEmpty(status) ? null
        : Enum.TryParse<ReminderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _) ? parsed
        : (ReminderStatus)(-1);
}
