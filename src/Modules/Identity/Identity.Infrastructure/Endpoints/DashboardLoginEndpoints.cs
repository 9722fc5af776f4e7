using System.Net;
using System.Security.Claims;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using FluentValidation;
using Identity.Infrastructure.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace Identity.Infrastructure.Endpoints;

/// <summary>The dashboard's sign-in form, as the page at <c>GET /account/login</c> posts it, together with the page's antiforgery field (<c>__RequestVerificationToken</c>) and cookie.</summary>
/// <param name="Email">The administrator's email address.</param>
/// <param name="Password">The administrator's password.</param>
/// <param name="ReturnUrl">A local path of this site to go to once signed in (default `/hangfire`); any other address is refused with 400.</param>
public sealed record DashboardSignInForm(string? Email, string? Password, string? ReturnUrl) : IApiExample<DashboardSignInForm>
{
    public static DashboardSignInForm Example { get; } = new("admin@agence.ma", "Tn-2026!Taounate", "/hangfire");
}

internal sealed class DashboardSignInFormValidator : AbstractValidator<DashboardSignInForm>
{
    public DashboardSignInFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(f => f.Password).NotEmpty().MaximumLength(256);
        RuleFor(f => f.ReturnUrl).MaximumLength(2048).Must(DashboardLoginEndpoints.IsLocal)
            .WithMessage("returnUrl must be a local path of this site.");
    }
}

/// <summary>
/// A browser sign-in for the Hangfire dashboard, which cannot send a bearer token. It sets a
/// cookie valid for <c>/hangfire</c> only; the API never accepts that cookie.
/// </summary>
internal static class DashboardLoginEndpoints
{
    private const string Dashboard = "/hangfire";

    // The framework's own local-URL rule (MVC's UrlHelper): it reads nothing from the request.
    private static readonly UrlHelper LocalUrls = new(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));

    public static IEndpointRouteBuilder MapDashboardLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error) =>
                Results.Content(Page(antiforgery.GetAndStoreTokens(context), IsLocal(returnUrl) ? returnUrl ?? Dashboard : Dashboard, error is not null), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapPost("/account/login", async ([FromForm] DashboardSignInForm form, HttpContext context, StaffCredentials credentials) =>
            {
                await new DashboardSignInFormValidator().ValidateAndThrowAsync(form, context.RequestAborted);
                var target = form.ReturnUrl is { Length: > 0 } url ? url : Dashboard;
                var signIn = await credentials.CheckAsync(form.Email!, form.Password!, context.Connection.RemoteIpAddress, context.RequestAborted);
                if (signIn.Throttled)
                {
                    return Problems.TooManyRequests(context, AuthEndpoints.Throttled, signIn.RetryAfter!.Value);
                }

                if (!signIn.Succeeded)
                {
                    return Results.Redirect($"/account/login?error=1&returnUrl={WebUtility.UrlEncode(target)}");
                }

                await context.SignInAsync(
                    AuthNames.DashboardScheme,
                    new ClaimsPrincipal(new ClaimsIdentity(signIn.Claims(), AuthNames.DashboardScheme, AuthNames.SubjectClaim, AuthNames.RoleClaim)));
                return Results.Redirect(target);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .Accepts<DashboardSignInForm>("application/x-www-form-urlencoded")
            .WithTags("Authentication")
            .WithName("DashboardSignIn")
            .WithSummary("Sign in to the jobs dashboard from the browser form")
            .WithDescription("The form of the page `GET /account/login`, posted by a browser with the page's antiforgery field and cookie. Signed in, the answer is 302 to `returnUrl` with a cookie valid for `/hangfire` only; refused (wrong password, unknown or locked account alike), 302 back to the page with `error=1`. A `returnUrl` that is not a local path is refused with 400. Throttled like the API login: 429 with Retry-After.")
            .Produces(StatusCodes.Status302Found)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>A path of this site: control characters are refused first, then the framework's local-URL rule applies.</summary>
    public static bool IsLocal(string? returnUrl) =>
        returnUrl is null || (!returnUrl.Any(char.IsControl) && LocalUrls.IsLocalUrl(returnUrl));

    private static string Page(AntiforgeryTokenSet tokens, string returnUrl, bool failed) => $$"""
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><title>Connexion — tâches planifiées</title>
        <style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}input{padding:.4rem}</style>
        </head><body>
        <h1>Tâches planifiées</h1>
        <p>Réservé aux administrateurs. · للمسؤولين فقط. · Administrators only.</p>
        {{(failed ? "<p role=\"alert\" style=\"color:#b00\">Identifiants incorrects. · بيانات غير صحيحة. · Wrong credentials.</p>" : string.Empty)}}
        <form method="post" action="/account/login">
          <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
          <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
          <label>E-mail <input type="email" name="email" required autocomplete="username"></label>
          <label>Mot de passe <input type="password" name="password" required autocomplete="current-password"></label>
          <button type="submit">Se connecter</button>
        </form>
        </body></html>
        """;
}
