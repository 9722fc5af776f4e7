using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Identity.Application.Accounts;
using Identity.Application.Accounts.ChangeStaffAccountStatus;
using Identity.Application.Accounts.CreateStaffAccount;
using Identity.Application.Accounts.GetStaffAccount;
using Identity.Application.Accounts.GetStaffAccounts;
using Identity.Application.Accounts.UpdateStaffAccount;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Identity.Infrastructure.Endpoints;

/// <summary>A staff account's details, to create it or to change them (then with <c>version</c>).</summary>
/// <param name="Version">Required when changing (PUT): the version you read; ignored on creation.</param>
public sealed record StaffAccountRequest(
    string? Email,
    string? DisplayName,
    string? DisplayNameAr,
    string? PreferredLanguage,
    IReadOnlyList<StaffRole>? Roles,
    IReadOnlyList<string>? Provinces,
    Guid? MentorId = null,
    uint? Version = null) : IStaffAccountInput, IApiExample<StaffAccountRequest>
{
    public static StaffAccountRequest Example { get; } = new(
        StaffAccountDto.Example.Email,
        StaffAccountDto.Example.DisplayName,
        StaffAccountDto.Example.DisplayNameAr,
        StaffAccountDto.Example.PreferredLanguage,
        [StaffRole.Officer],
        StaffAccountDto.Example.Provinces,
        null,
        StaffAccountDto.Example.Version);
}

internal static class StaffAccountEndpoints
{
    private const string AccountIdText = "The account's id, as answered on creation.";

    public static IEndpointRouteBuilder MapStaffAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Staff accounts").RequireAuthorization(AuthNames.StaffPolicy);

        users.MapPost("/", async (StaffAccountRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(
                    new CreateStaffAccountCommand(request.Email, request.DisplayName, request.DisplayNameAr, request.PreferredLanguage, request.Roles, request.Provinces, request.MentorId),
                    ct);
                return TypedResults.Created($"/api/v1/users/{id}", await sender.Send(new GetStaffAccountQuery(id), ct));
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("CreateStaffAccount")
            .WithSummary("Create a staff account")
            .WithDescription("Admins only. The account has no password yet: its owner receives, in the account's language, an email with a one-time link to choose one.")
            .Produces<StaffAccountDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                StaffRole? role,
                string? province,
                bool? active,
                string? q,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetStaffAccountsQuery(role, province, active, q, page, pageSize, sort), ct)))
            .WithName("ListStaffAccounts")
            .WithSummary("List staff accounts, paged, sorted and filtered")
            .WithDescription("Sort by email, displayName or createdOn (prefix with - for descending). Admins, ProgramManagers and Auditors see every account; an Officer or a Mentor only his own.")
            .WithParametersFrom<GetStaffAccountsQuery>()
            .Produces<PagedResult<StaffAccountDto>>()
            .ProducesValidationProblem();

        users.MapGet("/{id:guid}", async ([Description(AccountIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetStaffAccountQuery(id), ct)))
            .WithName("GetStaffAccount")
            .WithSummary("Read one staff account")
            .WithDescription("An Officer or a Mentor reads only his own account; any other answers 404, as if it did not exist.")
            .Produces<StaffAccountDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPut("/{id:guid}", async ([Description(AccountIdText)] Guid id, StaffAccountRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(
                    new UpdateStaffAccountCommand(id, request.Version, request.Email, request.DisplayName, request.DisplayNameAr, request.PreferredLanguage, request.Roles, request.Provinces, request.MentorId),
                    ct);
                return TypedResults.Ok(await sender.Send(new GetStaffAccountQuery(id), ct));
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("UpdateStaffAccount")
            .WithSummary("Change a staff account's details, roles and provinces")
            .WithDescription("Admins only. Send back the version you read (409 if it changed since). Roles and provinces taken away apply from the account's next request. The last active Admin cannot lose the role (422).")
            .Produces<StaffAccountDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        users.MapPost("/{id:guid}/deactivate", async ([Description(AccountIdText)] Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeactivateStaffAccountCommand(id), ct);
                return TypedResults.Ok(await sender.Send(new GetStaffAccountQuery(id), ct));
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("DeactivateStaffAccount")
            .WithSummary("Deactivate a staff account")
            .WithDescription("Admins only. The account can no longer sign in, and its bearer tokens stop working at once. The last active Admin cannot be deactivated (422).")
            .Produces<StaffAccountDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        users.MapPost("/{id:guid}/reactivate", async ([Description(AccountIdText)] Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ReactivateStaffAccountCommand(id), ct);
                return TypedResults.Ok(await sender.Send(new GetStaffAccountQuery(id), ct));
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("ReactivateStaffAccount")
            .WithSummary("Reactivate a deactivated staff account")
            .WithDescription("Admins only. The account may sign in again; the tokens it held before stay dead.")
            .Produces<StaffAccountDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/{id:guid}/unlock", async ([Description(AccountIdText)] Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new UnlockStaffAccountCommand(id), ct);
                return TypedResults.Ok(await sender.Send(new GetStaffAccountQuery(id), ct));
            })
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("UnlockStaffAccount")
            .WithSummary("Lift the lock that failed sign-ins put on an account")
            .WithDescription("Admins only. The account's `lockedOutUntil` shows the lock; after this, its owner may sign in at once.")
            .Produces<StaffAccountDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetOwnAccountQuery(), ct)))
            .WithTags("Staff accounts")
            .RequireAuthorization(AuthNames.StaffPolicy)
            .WithName("GetOwnAccount")
            .WithSummary("The caller's own account: roles, provinces and language")
            .WithDescription("For any staff member, from the account's current state (not from the token).")
            .Produces<StaffAccountDto>();

        return app;
    }
}
