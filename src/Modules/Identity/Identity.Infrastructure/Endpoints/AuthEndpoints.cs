using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using FluentValidation;
using Identity.Infrastructure.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Identity.Infrastructure.Endpoints;

/// <summary>Request body of <c>POST /api/v1/auth/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);

/// <summary>A bearer token and its lifetime in seconds.</summary>
public sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn);

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}

internal static class AuthEndpoints
{
    private static readonly LocalizedText BadCredentials = new(
        "The email or the password is wrong.",
        "L'adresse e-mail ou le mot de passe est incorrect.",
        "البريد الإلكتروني أو كلمة المرور غير صحيحة.");

    private static readonly LocalizedText LockedOut = new(
        "Too many failed attempts: the account is locked for a while.",
        "Trop de tentatives échouées : le compte est verrouillé pour un moment.",
        "محاولات فاشلة كثيرة: الحساب مقفل لبعض الوقت.");

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Authentication");
        group.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithName("Login")
            .WithSummary("Exchange a staff member's email and password for a bearer token")
            .WithDescription("Five failed attempts lock the account for fifteen minutes.")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, StaffCredentials credentials, AccessTokenIssuer tokens)
    {
        await new LoginRequestValidator().ValidateAndThrowAsync(request);
        var signIn = await credentials.CheckAsync(request.Email!, request.Password!);
        if (!signIn.Succeeded)
        {
            return Problems.Unauthorized(signIn.LockedOut ? LockedOut : BadCredentials);
        }

        var (token, expiresIn) = tokens.Issue(signIn);
        return TypedResults.Ok(new AccessTokenResponse(token, "Bearer", expiresIn));
    }
}
