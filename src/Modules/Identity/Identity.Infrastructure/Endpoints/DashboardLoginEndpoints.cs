using System.Net;
using System.Security.Claims;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Identity.Infrastructure.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Identity.Infrastructure.Endpoints;

/// <summary>
/// A browser sign-in for the Hangfire dashboard, which cannot send a bearer token. It sets a
/// cookie valid for <c>/hangfire</c> only; the API never accepts that cookie.
/// </summary>
internal static class DashboardLoginEndpoints
{
    public static IEndpointRouteBuilder MapDashboardLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error) =>
                Results.Content(Page(antiforgery.GetAndStoreTokens(context), SafeReturn(returnUrl), error is not null), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapPost("/account/login", async (
                HttpContext context,
                [FromForm] string email,
                [FromForm] string password,
                [FromForm] string? returnUrl,
                StaffCredentials credentials) =>
            {
                var target = SafeReturn(returnUrl);
                var signIn = await credentials.CheckAsync(email, password);
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
            .ExcludeFromDescription();
        return app;
    }

    private static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "/hangfire";

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
