using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Mentoring.Application.Mentors;
using Mentoring.Application.Mentors.GetMentor;
using Mentoring.Application.Mentors.GetMentors;
using Mentoring.Application.Mentors.RegisterMentor;
using Mentoring.Application.Mentors.UpdateMentor;
using Mentoring.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mentoring.Infrastructure.Endpoints;

/// <summary>A mentor's details, to register him or to correct them (then with <c>version</c>).</summary>
/// <param name="Version">Required when correcting (PUT): the version you read; ignored on registration.</param>
public sealed record MentorRequest(
    string? Name,
    string? Email,
    string? Phone,
    string? Language,
    Guid? OrganisationId,
    IReadOnlyList<Sector>? Sectors,
    IReadOnlyList<string>? Provinces,
    int? Capacity,
    bool? Active,
    Guid? StaffUserId,
    uint? Version = null) : IMentorInput, IApiExample<MentorRequest>
{
    public static MentorRequest Example { get; } = new(
        MentorDto.Example.Name,
        MentorDto.Example.Email,
        MentorDto.Example.Phone,
        MentorDto.Example.Language,
        MentorDto.Example.OrganisationId,
        MentorDto.Example.Sectors,
        MentorDto.Example.Provinces,
        MentorDto.Example.Capacity,
        true,
        null,
        MentorDto.Example.Version);
}

internal static class MentorEndpoints
{
    private const string MentorIdText = "The mentor's id, as answered on registration.";

    public static IEndpointRouteBuilder MapMentorEndpoints(this IEndpointRouteBuilder app)
    {
        var mentors = app.MapGroup("/api/v1/mentors").WithTags("Mentors").RequireAuthorization(AuthNames.StaffPolicy);

        mentors.MapPost("/", async (MentorRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(
                    new RegisterMentorCommand(request.Name, request.Email, request.Phone, request.Language, request.OrganisationId, request.Sectors, request.Provinces, request.Capacity, request.Active, request.StaffUserId),
                    ct);
                return TypedResults.Created($"/api/v1/mentors/{id}", await sender.Send(new GetMentorQuery(id), ct));
            })
            .WithName("RegisterMentor")
            .WithSummary("Register a mentor")
            .WithDescription("Coordinators (Officers, ProgramManagers, Admins) register mentors. The organisation must be a registered partner, the provinces real ones, and a linked staff account must hold the Mentor role.")
            .Produces<MentorDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        mentors.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                Sector? sector,
                string? provinceCode,
                bool? active,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetMentorsQuery(sector, provinceCode, active, page, pageSize, sort), ct)))
            .WithName("ListMentors")
            .WithSummary("List mentors, paged, sorted and filtered")
            .WithDescription("Sort by name, capacity or registeredOn (prefix with - for descending). Mentors work across provinces: every staff member sees them all.")
            .WithParametersFrom<GetMentorsQuery>()
            .Produces<PagedResult<MentorDto>>()
            .ProducesValidationProblem();

        mentors.MapGet("/{id:guid}", async ([Description(MentorIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMentorQuery(id), ct)))
            .WithName("GetMentor")
            .WithSummary("Read one mentor")
            .WithDescription("Any staff member reads any mentor.")
            .Produces<MentorDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        mentors.MapPut("/{id:guid}", async ([Description(MentorIdText)] Guid id, MentorRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(
                    new UpdateMentorCommand(id, request.Version, request.Name, request.Email, request.Phone, request.Language, request.OrganisationId, request.Sectors, request.Provinces, request.Capacity, request.Active, request.StaffUserId),
                    ct);
                return TypedResults.Ok(await sender.Send(new GetMentorQuery(id), ct));
            })
            .WithName("UpdateMentor")
            .WithSummary("Correct a mentor's details")
            .WithDescription("Send back the version you read; if somebody changed the mentor since, the answer is 409 and nothing is changed. Setting active to false stops suggestions and assignments, not the projects he follows.")
            .Produces<MentorDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
