using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Security;
using Financing.Application.Programmes;
using Financing.Application.Programmes.CloseProgramme;
using Financing.Application.Programmes.DefineProgramme;
using Financing.Application.Programmes.GetProgramme;
using Financing.Application.Programmes.GetProgrammeBudget;
using Financing.Application.Programmes.GetProgrammePortfolio;
using Financing.Application.Programmes.GetProgrammes;
using Financing.Application.Programmes.OpenProgramme;
using Financing.Application.Programmes.UpdateProgramme;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Financing.Infrastructure.Endpoints;

/// <summary>A programme's rules and funders, to define it or to change them (then with <c>version</c>).</summary>
/// <param name="Version">Required when changing (PUT): the version you read; ignored on definition.</param>
public sealed record ProgrammeRequest(
    string? Code,
    string? NameFr,
    string? NameAr,
    string? Description,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<string>? ProvinceCodes,
    IReadOnlyList<TargetCategory>? TargetCategories,
    bool? AllowsIndividuals,
    bool? AllowsGroups,
    int? MinimumAge,
    int? MaximumAge,
    decimal? MaximumProjectCost,
    decimal? MaximumGrant,
    decimal? OwnContributionRate,
    IReadOnlyList<FinancingInstrument>? Instruments,
    IReadOnlyList<TrancheInput>? Tranches,
    int? FollowUpMonthlyVisitsForMonths,
    int? FollowUpQuarterlyVisitsUntilMonth,
    string? CoordinatorEmail,
    IReadOnlyList<FunderInput>? Funders,
    uint? Version = null) : IProgrammeInput, IApiExample<ProgrammeRequest>
{
    public static ProgrammeRequest Example { get; } = new(
        ProgrammeDto.Example.Code,
        ProgrammeDto.Example.NameFr,
        ProgrammeDto.Example.NameAr,
        ProgrammeDto.Example.Description,
        ProgrammeDto.Example.StartsOn,
        ProgrammeDto.Example.EndsOn,
        ProgrammeDto.Example.ProvinceCodes,
        ProgrammeDto.Example.TargetCategories,
        true,
        true,
        18,
        45,
        ProgrammeDto.Example.MaximumProjectCost,
        ProgrammeDto.Example.MaximumGrant,
        0.30m,
        ProgrammeDto.Example.Instruments,
        [new TrancheInput(0.60m, false), new TrancheInput(0.40m, true)],
        6,
        24,
        ProgrammeDto.Example.CoordinatorEmail,
        [new FunderInput(ProgrammeDto.Example.Funders[0].PartnerId, ProgrammeDto.Example.Funders[0].Envelope.Amount)],
        ProgrammeDto.Example.Version);

    internal DefineProgrammeCommand ToDefinition() =>
        new(Code, NameFr, NameAr, Description, StartsOn, EndsOn, ProvinceCodes, TargetCategories, AllowsIndividuals, AllowsGroups, MinimumAge, MaximumAge,
            MaximumProjectCost, MaximumGrant, OwnContributionRate, Instruments, Tranches, FollowUpMonthlyVisitsForMonths, FollowUpQuarterlyVisitsUntilMonth,
            CoordinatorEmail, Funders);

    internal UpdateProgrammeCommand ToChange(Guid id) =>
        new(id, Version, Code, NameFr, NameAr, Description, StartsOn, EndsOn, ProvinceCodes, TargetCategories, AllowsIndividuals, AllowsGroups, MinimumAge, MaximumAge,
            MaximumProjectCost, MaximumGrant, OwnContributionRate, Instruments, Tranches, FollowUpMonthlyVisitsForMonths, FollowUpQuarterlyVisitsUntilMonth,
            CoordinatorEmail, Funders);
}

internal static class ProgrammeEndpoints
{
    private const string ProgrammeIdText = "The programme's id, as answered on definition.";

    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/api/v1/programmes").WithTags("Programmes").RequireAuthorization(AuthNames.StaffPolicy);

        programmes.MapPost("/", async (ProgrammeRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(request.ToDefinition(), ct);
                return TypedResults.Created($"/api/v1/programmes/{id}", await sender.Send(new GetProgrammeQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("DefineProgramme")
            .WithSummary("Define a programme, in draft")
            .WithDescription("ProgramManagers and Admins only. Provinces are checked against the reference geography and funders against the registered partners (422 naming the unknown ones); a code another programme has answers 409.")
            .Produces<ProgrammeDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        programmes.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                ProgrammeStatus? status,
                string? provinceCode,
                string? q,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetProgrammesQuery(status, provinceCode, q, page, pageSize, sort), ct)))
            .WithName("ListProgrammes")
            .WithSummary("List programmes, paged, sorted and filtered")
            .WithDescription("Every staff member reads every programme. Sort by code, startsOn or createdOn (prefix with - for descending).")
            .WithParametersFrom<GetProgrammesQuery>()
            .Produces<PagedResult<ProgrammeDto>>()
            .ProducesValidationProblem();

        programmes.MapGet("/{id:guid}", async ([Description(ProgrammeIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetProgrammeQuery(id), ct)))
            .WithName("GetProgramme")
            .WithSummary("Read one programme")
            .WithDescription("Its rules, tranche and follow-up policies, funders and status.")
            .Produces<ProgrammeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        programmes.MapPut("/{id:guid}", async ([Description(ProgrammeIdText)] Guid id, ProgrammeRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(request.ToChange(id), ct);
                return TypedResults.Ok(await sender.Send(new GetProgrammeQuery(id), ct));
            })
            .WithName("UpdateProgramme")
            .WithSummary("Change a programme's rules and funders")
            .WithDescription("ProgramManagers and Admins only. Send back the version you read (409 if it changed since). A closed programme does not change, and a funder's envelope never falls below what it has committed (422).")
            .Produces<ProgrammeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        programmes.MapPost("/{id:guid}/open", async ([Description(ProgrammeIdText)] Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new OpenProgrammeCommand(id), ct);
                return TypedResults.Ok(await sender.Send(new GetProgrammeQuery(id), ct));
            })
            .WithName("OpenProgramme")
            .WithSummary("Open a draft programme to applications and approvals")
            .WithDescription("ProgramManagers and Admins only. Only a draft programme with a positive envelope opens (422 otherwise).")
            .Produces<ProgrammeDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        programmes.MapPost("/{id:guid}/close", async ([Description(ProgrammeIdText)] Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new CloseProgrammeCommand(id), ct);
                return TypedResults.Ok(await sender.Send(new GetProgrammeQuery(id), ct));
            })
            .WithName("CloseProgramme")
            .WithSummary("Close an open programme")
            .WithDescription("ProgramManagers and Admins only. No application or approval is taken afterwards; financings already approved run their course. Only an open programme closes (422 otherwise).")
            .Produces<ProgrammeDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        programmes.MapGet("/{id:guid}/budget", async ([Description(ProgrammeIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetProgrammeBudgetQuery(id), ct)))
            .WithName("GetProgrammeBudget")
            .WithSummary("Where a programme's envelope stands, per funder and in total")
            .WithDescription("Envelope, committed (approved plans), disbursed (tranches paid) and remaining (envelope less commitments), in MAD with two decimals.")
            .Produces<ProgrammeBudgetDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        programmes.MapGet("/{id:guid}/portfolio", async ([Description(ProgrammeIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetProgrammePortfolioQuery(id), ct)))
            .WithName("GetProgrammePortfolio")
            .WithSummary("A programme's loan portfolio and its portfolio at risk over 30 days")
            .WithDescription("The active loans' outstanding principal by arrears bucket (current, 1-30, 31-60, 61-90, 90+ days past due) as the daily arrears job left it, and the share more than 30 days past due. Amounts in MAD with two decimals.")
            .Produces<ProgrammePortfolioDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
