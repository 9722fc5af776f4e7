using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using FluentValidation;
using Identity.Infrastructure.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Identity.Infrastructure.Endpoints;

/// <summary>Request body of <c>POST /api/v1/auth/login</c>.</summary>
/// <param name="Email">The staff member's email address, as registered by an administrator.</param>
/// <param name="Password">The staff member's password.</param>
public sealed record LoginRequest(string? Email, string? Password) : IApiExample<LoginRequest>
{
    public static LoginRequest Example { get; } = new("n.elidrissi@agence.ma", "Tn-2026!Taounate");
}

/// <summary>A bearer token and its lifetime in seconds.</summary>
/// <param name="AccessToken">The token to send as `Authorization: Bearer …` on every staff operation.</param>
/// <param name="TokenType">Always `Bearer`.</param>
/// <param name="ExpiresIn">Seconds until the token expires; then log in again.</param>
public sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn) : IApiExample<AccessTokenResponse>
{
    public static AccessTokenResponse Example { get; } = new(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTlhYzFmNC02YjJlLTdjM2QtOWE0MS01ZThmMmI3ZDBjMTYiLCJyb2xlIjoiT2ZmaWNlciJ9.c2lnbmF0dXJlLWV4YW1wbGU",
        "Bearer",
        3600);
}

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

    internal static readonly LocalizedText Throttled = new(
        "Too many failed sign-ins for this account from your address: wait before trying again.",
        "Trop de connexions échouées pour ce compte depuis votre adresse : attendez avant de réessayer.",
        "محاولات دخول فاشلة كثيرة لهذا الحساب من عنوانك: انتظر قبل المحاولة مجددا.");

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Authentication");
        group.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithName("Login")
            .WithSummary("Exchange a staff member's email and password for a bearer token")
            .WithDescription("A wrong password, an unknown email and a locked account get the same 401. Five failures on one account from one address hold that address back for that account (429 with Retry-After); after five consecutive failures from anywhere, every sign-in to the account is slowed down, and its owner is told by email. Failures never lock the account.")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, HttpContext context, StaffCredentials credentials, AccessTokenIssuer tokens)
    {
        await new LoginRequestValidator().ValidateAndThrowAsync(request);
        var signIn = await credentials.CheckAsync(request.Email!, request.Password!, context.Connection.RemoteIpAddress, context.RequestAborted);
        if (signIn.Throttled)
        {
            return Problems.TooManyRequests(context, Throttled, signIn.RetryAfter!.Value);
        }

        if (!signIn.Succeeded)
        {
            return Problems.Unauthorized(BadCredentials);
        }

        var (token, expiresIn) = tokens.Issue(signIn);
        return TypedResults.Ok(new AccessTokenResponse(token, "Bearer", expiresIn));
    }
}
