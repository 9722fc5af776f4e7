using System.ComponentModel;
using Applicants.Application.Applications;
using Applicants.Application.Applications.AssessEligibility;
using Applicants.Application.Applications.GetApplication;
using Applicants.Application.Applications.GetApplications;
using Applicants.Application.Applications.SubmitApplication;
using Applicants.Application.Applications.WithdrawApplication;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Applicants.Infrastructure.Endpoints;

/// <summary>A project application, as a staff member files it. Amounts in MAD, at most two decimals.</summary>
public sealed record ApplicationRequest(
    Guid? ProgrammeId,
    HolderKind? HolderKind,
    Guid? HolderId,
    string? Title,
    Sector? Sector,
    string? CommuneCode,
    string? Description,
    decimal? EstimatedTotalCost,
    decimal? RequestedAmount,
    decimal? OwnContribution,
    int? ExpectedJobs,
    IntakeChannel? Channel,
    Guid? CampaignId,
    Guid? CampaignStopId) : IApplicationInput, IIntakeInput, IApiExample<ApplicationRequest>
{
    public static ApplicationRequest Example { get; } = new(
        ApplicationDto.Example.ProgrammeId,
        Domain.Applications.HolderKind.Person,
        ApplicationDto.Example.HolderId,
        ApplicationDto.Example.Title,
        Domain.Applications.Sector.Livestock,
        ApplicationDto.Example.CommuneCode,
        ApplicationDto.Example.Description,
        85_000.00m,
        59_500.00m,
        25_500.00m,
        2,
        IntakeChannel.WalkIn,
        null,
        null);

    internal SubmitApplicationCommand ToCommand() =>
        new(ProgrammeId, HolderKind, HolderId, Title, Sector, CommuneCode, Description, EstimatedTotalCost, RequestedAmount, OwnContribution,
            ExpectedJobs, Channel, CampaignId, CampaignStopId);
}

/// <summary>Why the holder withdraws.</summary>
public sealed record WithdrawalRequest(string? Reason) : IWithdrawalInput, IApiExample<WithdrawalRequest>
{
    public static WithdrawalRequest Example { get; } = new("Le porteur a trouvé un emploi salarié à Khémisset.");
}

/// <summary>An eligibility assessment's request: empty for a plain assessment.</summary>
public sealed record EligibilityRequest(string? OverrideJustification) : IEligibilityInput, IApiExample<EligibilityRequest>
{
    public static EligibilityRequest Example { get; } = new("Porteuse de 47 ans, seule soutien de famille depuis le décès de son mari : le comité provincial a demandé son inclusion.");
}

internal static class ApplicationEndpoints
{
    private const string ApplicationIdText = "The application's id, as answered when it was filed.";

    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/applications").WithTags("Applications").RequireAuthorization(AuthNames.StaffPolicy);

        applications.MapPost("/", async (ApplicationRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(request.ToCommand(), ct);
                return TypedResults.Created($"/api/v1/applications/{id}", await sender.Send(new GetApplicationQuery(id), ct));
            })
            .WithName("SubmitApplication")
            .WithSummary("File a project application")
            .WithDescription("The holder must exist and be readable by the caller; the programme must be open. The project's commune decides the application's province. alreadyFinanced tells whether the holder already had a project financed in any programme.")
            .Produces<ApplicationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        applications.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                Guid? programmeId,
                Guid? holderId,
                ApplicationStage? stage,
                IntakeChannel? channel,
                string? provinceCode,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetApplicationsQuery(programmeId, holderId, stage, channel, provinceCode, page, pageSize, sort), ct)))
            .WithName("ListApplications")
            .WithSummary("List applications, paged, sorted and filtered")
            .WithDescription("Sort by submittedOn, title or requestedAmount (prefix with - for descending). An Officer sees the applications of his provinces.")
            .WithParametersFrom<GetApplicationsQuery>()
            .Produces<PagedResult<ApplicationDto>>()
            .ProducesValidationProblem();

        applications.MapGet("/{id:guid}", async ([Description(ApplicationIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetApplicationQuery(id), ct)))
            .WithName("GetApplication")
            .WithSummary("Read one application")
            .WithDescription("An Officer reads the applications of his provinces; any other answers 404, as if it did not exist.")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapGet("/{id:guid}/history", async ([Description(ApplicationIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetApplicationHistoryQuery(id), ct)))
            .WithName("GetApplicationHistory")
            .WithSummary("Read an application's history: every transition, dated and attributed")
            .WithDescription("Oldest first. Each transition names who made it: a staff member, a partner's system, or the system on another module's event (a committee's decision, a tranche paid, a mentor assigned, a visit reported).")
            .Produces<IReadOnlyList<StageChangeDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapPost("/{id:guid}/eligibility", async ([Description(ApplicationIdText)] Guid id, EligibilityRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AssessEligibilityCommand(id, request.OverrideJustification), ct)))
            .WithName("AssessEligibility")
            .WithSummary("Assess an application against its programme's rules")
            .WithDescription("Each rule (holder-kind, province, age, target-category, maximum-cost, maximum-grant, own-contribution) is named, met or failed; the application becomes Eligible when all are met, Ineligible otherwise. A ProgramManager may send overrideJustification to hold it eligible despite failed rules; anyone else sending it gets 403. Possible from Submitted, Eligible or Ineligible (422 otherwise).")
            .Produces<EligibilityDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        applications.MapPost("/{id:guid}/withdraw", async ([Description(ApplicationIdText)] Guid id, WithdrawalRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new WithdrawApplicationCommand(id, request.Reason), ct);
                return TypedResults.Ok(await sender.Send(new GetApplicationQuery(id), ct));
            })
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw an application at the holder's request")
            .WithDescription("Possible until the committee's approval is financed: from Submitted, Eligible, Ineligible or Approved; from any other stage the answer is 422 (application.illegal-transition).")
            .Produces<ApplicationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
