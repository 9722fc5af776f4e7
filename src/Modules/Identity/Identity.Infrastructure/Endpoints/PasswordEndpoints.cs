using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Identity.Application.Passwords.ChangeOwnPassword;
using Identity.Application.Passwords.RequestPasswordReset;
using Identity.Application.Passwords.SetPassword;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Identity.Infrastructure.Endpoints;

/// <summary>Request body of <c>POST /api/v1/auth/password</c>.</summary>
/// <param name="CurrentPassword">The password in use now.</param>
/// <param name="NewPassword">10 to 128 characters, not the email address, not among the commonest passwords.</param>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword) : IPasswordChangeInput, IApiExample<ChangePasswordRequest>
{
    public static ChangePasswordRequest Example { get; } = new("Tn-2026!Taounate", "Ouarzazate sous la neige 2027");
}

/// <summary>Request body of <c>POST /api/v1/auth/password-reset</c>.</summary>
/// <param name="Email">The address of the account whose password was forgotten.</param>
public sealed record PasswordResetRequest(string? Email) : IPasswordResetInput, IApiExample<PasswordResetRequest>
{
    public static PasswordResetRequest Example { get; } = new("n.elidrissi@agence.ma");
}

/// <summary>Request body of <c>POST /api/v1/auth/password-reset/confirm</c>.</summary>
/// <param name="Email">The account's address, as in the email.</param>
/// <param name="Token">The token from the emailed link (on creation or after a reset request).</param>
/// <param name="NewPassword">10 to 128 characters, not the email address, not among the commonest passwords.</param>
public sealed record PasswordResetConfirmation(string? Email, string? Token, string? NewPassword) : ISetPasswordInput, IApiExample<PasswordResetConfirmation>
{
    public static PasswordResetConfirmation Example { get; } = new("n.elidrissi@agence.ma", "CfDJ8Example-token-from-the-email", "Ouarzazate sous la neige 2027");
}

internal static class PasswordEndpoints
{
    public static IEndpointRouteBuilder MapPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Authentication");

        auth.MapPost("/password", async (ChangePasswordRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ChangeOwnPasswordCommand(request.CurrentPassword, request.NewPassword), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthNames.StaffPolicy)
            .WithName("ChangeOwnPassword")
            .WithSummary("Change one's own password")
            .WithDescription("Every bearer token issued before stops working: log in again with the new password. A wrong current password answers 422.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        auth.MapPost("/password-reset", async (PasswordResetRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RequestPasswordResetCommand(request.Email), ct);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithName("RequestPasswordReset")
            .WithSummary("Ask for an email to reset a forgotten password")
            .WithDescription("Answers 202 whether or not an account has this address, and as fast: the email, if any, is sent afterwards, in the account's language.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/password-reset/confirm", async (PasswordResetConfirmation request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SetPasswordCommand(request.Email, request.Token, request.NewPassword), ct);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithName("ConfirmPasswordReset")
            .WithSummary("Choose a password with the token of an emailed link")
            .WithDescription("For a new account's first password and for a reset alike. The token works once and expires; a wrong, used or expired token and an unknown address answer the same 422.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return app;
    }
}
