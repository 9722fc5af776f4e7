using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Partnerships.Application.Conventions;
using Partnerships.Domain.Conventions;

namespace Partnerships.Infrastructure.Endpoints;

/// <summary>A convention's parties and terms, to draw it up or to correct the draft (then with <c>version</c>).</summary>
/// <param name="Version">Required when correcting (PUT): the version you read; ignored when drawing up.</param>
public sealed record ConventionRequest(
    string? Reference,
    string? Title,
    ConventionKind? Kind,
    string? ProvinceCode,
    string? ManagerEmail,
    IReadOnlyList<PartyInput>? Parties,
    int? DurationMonths,
    IReadOnlyList<string>? ProvinceCodes,
    IReadOnlyList<Guid>? ProgrammeIds,
    IReadOnlyList<CommitmentInput>? Commitments,
    IReadOnlyList<ObligationInput>? Obligations,
    uint? Version = null) : IConventionInput, IApiExample<ConventionRequest>
{
    public static ConventionRequest Example { get; } = new(
        ConventionDto.Example.Reference,
        ConventionDto.Example.Title,
        ConventionDto.Example.Kind,
        ConventionDto.Example.ProvinceCode,
        ConventionDto.Example.ManagerEmail,
        [.. ConventionDto.Example.Parties.Select(p => new PartyInput(p.PartnerId, p.Role))],
        ConventionDto.Example.DurationMonths,
        ConventionDto.Example.ProvinceCodes,
        ConventionDto.Example.ProgrammeIds,
        [.. ConventionDto.Example.Commitments.Select(c => new CommitmentInput(c.PartnerId, c.Amount, c.Purpose, [.. c.Schedule.Select(i => new InstalmentInput(i.DueOn, i.Amount))]))],
        [new ObligationInput(ObligationDto.Example.PartnerId, ObligationDto.Example.Description, ObligationDto.Example.DueOn)],
        ConventionDto.Example.Version);
}

/// <summary>The signature of a draft convention.</summary>
/// <param name="Version">The version you read.</param>
/// <param name="SignedOn">The day the last party signed.</param>
/// <param name="EffectiveOn">The day it comes into force (on or after the signature); when that day has come, the convention is active at once.</param>
public sealed record SignConventionRequest(uint? Version, DateOnly? SignedOn, DateOnly? EffectiveOn) : ISignatureInput, IApiExample<SignConventionRequest>
{
    public static SignConventionRequest Example { get; } = new(3, new DateOnly(2025, 7, 15), new DateOnly(2025, 9, 1));
}

/// <summary>The early end of a signed or active convention.</summary>
/// <param name="Version">The version you read.</param>
/// <param name="TerminatedOn">The day it ends.</param>
/// <param name="Reason">Why the parties end it.</param>
public sealed record TerminateConventionRequest(uint? Version, DateOnly? TerminatedOn, string? Reason) : ITerminationInput, IApiExample<TerminateConventionRequest>
{
    public static TerminateConventionRequest Example { get; } = new(7, new DateOnly(2026, 12, 31), "Dissolution de l'association partenaire constatée par l'autorité locale");
}

/// <summary>The renewal of an active or expired convention: a new draft with the same parties and terms.</summary>
/// <param name="Reference">The renewal's own reference number (letters, digits, / . _ -), unique.</param>
public sealed record RenewConventionRequest(string? Reference) : IRenewalInput, IApiExample<RenewConventionRequest>
{
    public static RenewConventionRequest Example { get; } = new("ADS-CP-NADOR/2028/02");
}

/// <summary>An amendment: the new terms as a whole, and what they change in words.</summary>
/// <param name="Version">The version you read.</param>
/// <param name="SignedOn">The day the parties signed the amendment.</param>
/// <param name="Summary">What it changes, in words.</param>
/// <param name="Title">The title after the amendment.</param>
/// <param name="DurationMonths">The duration after the amendment, in months (1 to 240); the expiry moves with it.</param>
/// <param name="ProvinceCodes">The provinces covered after the amendment.</param>
/// <param name="ProgrammeIds">The programmes framed after the amendment.</param>
/// <param name="Commitments">The financial commitments after the amendment.</param>
public sealed record AmendConventionRequest(
    uint? Version,
    DateOnly? SignedOn,
    string? Summary,
    string? Title,
    int? DurationMonths,
    IReadOnlyList<string>? ProvinceCodes,
    IReadOnlyList<Guid>? ProgrammeIds,
    IReadOnlyList<CommitmentInput>? Commitments) : IAmendmentInput, IApiExample<AmendConventionRequest>
{
    public static AmendConventionRequest Example { get; } = new(
        ConventionDto.Example.Version,
        AmendmentDto.Example.SignedOn,
        AmendmentDto.Example.Summary,
        ConventionDto.Example.Title,
        48,
        ["02.381", "02.382"],
        ConventionDto.Example.ProgrammeIds,
        ConventionRequest.Example.Commitments);
}

/// <summary>A new deliverable owed under a convention.</summary>
/// <param name="PartnerId">The partner that owes it; leave it out for the agency.</param>
/// <param name="Description">What is to be delivered.</param>
/// <param name="DueOn">When it is due.</param>
public sealed record AddObligationRequest(Guid? PartnerId, string? Description, DateOnly? DueOn) : IObligationInput, IApiExample<AddObligationRequest>
{
    public static AddObligationRequest Example { get; } = new(ObligationDto.Example.PartnerId, ObligationDto.Example.Description, ObligationDto.Example.DueOn);
}

/// <summary>What became of a deliverable.</summary>
/// <param name="Status">Done or Waived (or Pending to undo); Late is read, never recorded.</param>
/// <param name="SettledOn">The day it was delivered or waived; today when left out.</param>
public sealed record SettleObligationRequest(ObligationStatus? Status, DateOnly? SettledOn) : ISettlementInput, IApiExample<SettleObligationRequest>
{
    public static SettleObligationRequest Example { get; } = new(ObligationStatus.Done, new DateOnly(2026, 3, 28));
}

internal static class ConventionEndpoints
{
    private const string ConventionIdText = "The convention's id, as answered when it was drawn up.";

    public static IEndpointRouteBuilder MapConventionEndpoints(this IEndpointRouteBuilder app)
    {
        var conventions = app.MapGroup("/api/v1/conventions").WithTags("Conventions").RequireAuthorization(AuthNames.StaffPolicy);

        conventions.MapPost("/", async (ConventionRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(
                    new DraftConventionCommand(
                        request.Reference, request.Title, request.Kind, request.ProvinceCode, request.ManagerEmail, request.Parties,
                        request.DurationMonths, request.ProvinceCodes, request.ProgrammeIds, request.Commitments, request.Obligations),
                    ct);
                return TypedResults.Created($"/api/v1/conventions/{id}", await sender.Send(new GetConventionQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("DraftConvention")
            .WithSummary("Draw up a partnership convention (as a draft)")
            .WithDescription("The agency is always a party; name the partners and their roles. An Officer draws up conventions of his provinces only; a national convention (no province) needs a ProgramManager or an Admin. A partner the caller cannot see, a commitment of a non-party or a schedule that does not add up is refused with 422; a reference already used, 409.")
            .Produces<ConventionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                ConventionStatus? status,
                Guid? partnerId,
                Guid? programmeId,
                string? provinceCode,
                string? q,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetConventionsQuery(status, partnerId, programmeId, provinceCode, q, page, pageSize, sort), ct)))
            .WithName("ListConventions")
            .WithSummary("List partnership conventions, paged, sorted and filtered")
            .WithDescription("Sort by reference, signedOn, expiresOn or createdOn (prefix with - for descending). An Officer sees national conventions and those of his provinces.")
            .WithParametersFrom<GetConventionsQuery>()
            .Produces<PagedResult<ConventionDto>>()
            .ProducesValidationProblem();

        conventions.MapGet("/{id:guid}", async ([Description(ConventionIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetConventionQuery(id), ct)))
            .WithName("GetConvention")
            .WithSummary("Read one partnership convention")
            .WithDescription("With its parties, terms and deliverables (a pending deliverable past its due date reads as Late). A convention of a province the caller cannot read answers 404.")
            .Produces<ConventionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        conventions.MapPut("/{id:guid}", async ([Description(ConventionIdText)] Guid id, ConventionRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(
                    new UpdateConventionCommand(
                        id, request.Version, request.Reference, request.Title, request.Kind, request.ProvinceCode, request.ManagerEmail, request.Parties,
                        request.DurationMonths, request.ProvinceCodes, request.ProgrammeIds, request.Commitments, request.Obligations),
                    ct);
                return TypedResults.Ok(await sender.Send(new GetConventionQuery(id), ct));
            })
            .WithName("UpdateConvention")
            .WithSummary("Correct a draft convention")
            .WithDescription("Only a draft can be corrected (422 otherwise: a signed convention changes by amendment). Send back the version you read; 409 if it changed since.")
            .Produces<ConventionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapPost("/{id:guid}/sign", async ([Description(ConventionIdText)] Guid id, SignConventionRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SignConventionCommand(id, request.Version, request.SignedOn, request.EffectiveOn), ct);
                return TypedResults.Ok(await sender.Send(new GetConventionQuery(id), ct));
            })
            .WithName("SignConvention")
            .WithSummary("Record that a draft convention was signed")
            .WithDescription("Draft → Signed, and Active at once when the effective date has come (otherwise a daily job activates it on that day). The expiry is the effective date plus the duration. Any other status answers 422.")
            .Produces<ConventionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapPost("/{id:guid}/terminate", async ([Description(ConventionIdText)] Guid id, TerminateConventionRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new TerminateConventionCommand(id, request.Version, request.TerminatedOn, request.Reason), ct);
                return TypedResults.Ok(await sender.Send(new GetConventionQuery(id), ct));
            })
            .WithName("TerminateConvention")
            .WithSummary("End a signed or active convention early")
            .WithDescription("Signed or Active → Terminated. A draft, an expired or a terminated convention answers 422.")
            .Produces<ConventionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapPost("/{id:guid}/renew", async ([Description(ConventionIdText)] Guid id, RenewConventionRequest request, ISender sender, CancellationToken ct) =>
            {
                var renewal = await sender.Send(new RenewConventionCommand(id, request.Reference), ct);
                return TypedResults.Created($"/api/v1/conventions/{renewal}", await sender.Send(new GetConventionQuery(renewal), ct));
            })
            .WithIdempotencyKey()
            .WithName("RenewConvention")
            .WithSummary("Renew an active or expired convention")
            .WithDescription("Creates a new draft with the same parties and terms, whose `renewalOf` names this convention; it is corrected and signed in its turn. Any other status answers 422.")
            .Produces<ConventionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapPost("/{id:guid}/amendments", async ([Description(ConventionIdText)] Guid id, AmendConventionRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(
                    new AmendConventionCommand(id, request.Version, request.SignedOn, request.Summary, request.Title, request.DurationMonths, request.ProvinceCodes, request.ProgrammeIds, request.Commitments),
                    ct);
                return TypedResults.Created($"/api/v1/conventions/{id}/amendments", await sender.Send(new GetConventionQuery(id), ct));
            })
            .WithName("AmendConvention")
            .WithSummary("Amend the terms of a signed or active convention")
            .WithDescription("Replaces the title, duration, scope and financial commitments; the terms they replace are kept in the amendment (see the amendments' list). Answers the convention as amended. A draft (correct it instead), an expired or a terminated convention answers 422.")
            .Produces<ConventionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapGet("/{id:guid}/amendments", async ([Description(ConventionIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAmendmentsQuery(id), ct)))
            .WithName("ListConventionAmendments")
            .WithSummary("A convention's amendments, each with the terms it replaced")
            .WithDescription("In the order they were signed. The current terms are the convention's own.")
            .Produces<IReadOnlyList<AmendmentDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        conventions.MapGet("/{id:guid}/obligations", async ([Description(ConventionIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetObligationsQuery(id), ct)))
            .WithName("ListConventionObligations")
            .WithSummary("The deliverables each party owes under a convention")
            .WithDescription("By due date; a pending deliverable past its due date reads as Late.")
            .Produces<IReadOnlyList<ObligationDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        conventions.MapPost("/{id:guid}/obligations", async ([Description(ConventionIdText)] Guid id, AddObligationRequest request, ISender sender, CancellationToken ct) =>
            {
                var obligation = await sender.Send(new AddObligationCommand(id, request.PartnerId, request.Description, request.DueOn), ct);
                var all = await sender.Send(new GetObligationsQuery(id), ct);
                return TypedResults.Created($"/api/v1/conventions/{id}/obligations/{obligation}", all.Single(o => o.Id == obligation));
            })
            .WithName("AddConventionObligation")
            .WithSummary("Add a deliverable to a convention")
            .WithDescription("Owed by the agency or one of the convention's partners (422 for anyone else); not on an expired or terminated convention (422).")
            .Produces<ObligationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        conventions.MapPut("/{id:guid}/obligations/{obligationId:guid}", async (
                [Description(ConventionIdText)] Guid id,
                [Description("The deliverable's id, as listed in the convention's obligations.")] Guid obligationId,
                SettleObligationRequest request,
                ISender sender,
                CancellationToken ct) =>
            {
                await sender.Send(new SettleObligationCommand(id, obligationId, request.Status, request.SettledOn), ct);
                var all = await sender.Send(new GetObligationsQuery(id), ct);
                return TypedResults.Ok(all.Single(o => o.Id == obligationId));
            })
            .WithName("SettleConventionObligation")
            .WithSummary("Record that a deliverable was done or waived")
            .WithDescription("Done or Waived with the day it happened; Pending undoes it. Late is never recorded: it is how a pending deliverable past its due date reads.")
            .Produces<ObligationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
