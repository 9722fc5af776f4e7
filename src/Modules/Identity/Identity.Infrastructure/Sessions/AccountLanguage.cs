using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Net.Http.Headers;

namespace Identity.Infrastructure.Sessions;

/// <summary>
/// A staff member's request that names no language (no Accept-Language) is answered in the
/// account's preferred language. Runs first in the pipeline: it authenticates the bearer token
/// early (the result is kept for the request, so the token is checked once) and hands the
/// account's language to the request localization as if the client had sent it.
/// </summary>
internal sealed class AccountLanguage : IStartupFilter
{
    public const string Item = "identity.account-language";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (!context.Request.Headers.ContainsKey(HeaderNames.AcceptLanguage)
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    await context.AuthenticateAsync(AuthNames.BearerScheme);
                    if (context.Items[Item] is string language)
                    {
                        context.Request.Headers.AcceptLanguage = language;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The pipeline's own authentication meets the same failure again, where the
                    // problem documents are written (e.g. 503 when the database is down).
                }
            }

            await following(context);
        });
        next(app);
    };
}
