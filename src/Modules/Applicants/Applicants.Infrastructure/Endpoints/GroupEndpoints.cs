using System.ComponentModel;
using Applicants.Application.Groups;
using Applicants.Application.Groups.GetGroup;
using Applicants.Application.Groups.GetGroups;
using Applicants.Application.Groups.RegisterGroup;
using Applicants.Application.Groups.UpdateGroup;
using Applicants.Domain.Groups;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Applicants.Infrastructure.Endpoints;

/// <summary>A group's details and members, to register it or to correct it (then with <c>version</c>).</summary>
/// <param name="Version">Required when correcting (PUT): the version you read; ignored on registration.</param>
public sealed record GroupRequest(
    string? Name,
    string? NameAr,
    LegalForm? LegalForm,
    string? RegistrationNumber,
    DateOnly? CreatedOn,
    string? CommuneCode,
    IReadOnlyList<GroupMemberInput>? Members,
    uint? Version = null) : IGroupInput, IApiExample<GroupRequest>
{
    public static GroupRequest Example { get; } = new(
        GroupDto.Example.Name,
        GroupDto.Example.NameAr,
        Domain.Groups.LegalForm.Cooperative,
        GroupDto.Example.RegistrationNumber,
        GroupDto.Example.CreatedOn,
        GroupDto.Example.CommuneCode,
        [new(GroupMemberDto.Example.PersonId, MemberRole.President), new(Guid.Parse("019ac2a1-4a10-7c22-9d5e-2b3c4d5e6f70"), MemberRole.Treasurer)],
        GroupDto.Example.Version);

    internal RegisterGroupCommand ToRegistration() => new(Name, NameAr, LegalForm, RegistrationNumber, CreatedOn, CommuneCode, Members);

    internal UpdateGroupCommand ToCorrection(Guid id) => new(id, Version, Name, NameAr, LegalForm, RegistrationNumber, CreatedOn, CommuneCode, Members);
}

internal static class GroupEndpoints
{
    private const string GroupIdText = "The group's id, as answered on registration.";

    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/api/v1/groups").WithTags("Groups").RequireAuthorization(AuthNames.StaffPolicy);

        groups.MapPost("/", async (GroupRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(request.ToRegistration(), ct);
                return TypedResults.Created($"/api/v1/groups/{id}", await sender.Send(new GetGroupQuery(id), ct));
            })
            .WithName("RegisterGroup")
            .WithSummary("Register a group (a cooperative or an association) with its members")
            .WithDescription("Members are registered persons the caller can read, each once with a role, exactly one President (422 group.one-president otherwise). The seat's commune decides the group's province: an Officer registers groups of his provinces only. A registration number already registered for the same legal form answers 409, pointing at the existing group when the caller may read it. The answer counts the beneficiaries by sex and vulnerable group through the members.")
            .Produces<GroupDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        groups.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                string? q,
                string? provinceCode,
                string? communeCode,
                LegalForm? legalForm,
                Guid? memberId,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetGroupsQuery(q, provinceCode, communeCode, legalForm, memberId, page, pageSize, sort), ct)))
            .WithName("ListGroups")
            .WithSummary("Search groups, paged, sorted and filtered")
            .WithDescription("q is a registration number or part of the name in Latin or Arabic letters. Sort by name, createdOn, registrationNumber or registeredOn (prefix with - for descending). An Officer sees the groups of his provinces.")
            .WithParametersFrom<GetGroupsQuery>()
            .Produces<PagedResult<GroupDto>>()
            .ProducesValidationProblem();

        groups.MapGet("/{id:guid}", async ([Description(GroupIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetGroupQuery(id), ct)))
            .WithName("GetGroup")
            .WithSummary("Read one group, its members and its beneficiaries")
            .WithDescription("An Officer reads the groups of his provinces; any other answers 404, as if it did not exist.")
            .Produces<GroupDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        groups.MapPut("/{id:guid}", async ([Description(GroupIdText)] Guid id, GroupRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(request.ToCorrection(id), ct);
                return TypedResults.Ok(await sender.Send(new GetGroupQuery(id), ct));
            })
            .WithName("UpdateGroup")
            .WithSummary("Correct a group's details and members")
            .WithDescription("Send the whole group, its members included: members left out leave the group. Send back the version you read; if somebody changed the group since, the answer is 409 and nothing is changed.")
            .Produces<GroupDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
