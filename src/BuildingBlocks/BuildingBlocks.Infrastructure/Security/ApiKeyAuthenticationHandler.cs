using System.Security.Claims;
using System.Text.Encodings.Web;
using BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Security;

/// <summary>Authenticates a partner system by its <c>X-Api-Key</c> header; the key is looked up by its hash.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthNames.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var owner = await store.FindByHashAsync(ApiKeySecrets.Hash(key), Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(AuthNames.KindClaim, AuthNames.PartnerKind),
                new Claim(AuthNames.PartnerClaim, owner.PartnerId.ToString()),
                new Claim(AuthNames.ApiKeyClaim, owner.KeyId.ToString()),
                .. (owner.Scopes ?? []).Select(scope => new Claim(AuthNames.ScopeClaim, scope)),
                .. (owner.Provinces ?? []).Select(province => new Claim(AuthNames.ProvinceClaim, province)),
                .. owner.Nationwide ? [new Claim(AuthNames.NationwideClaim, "true")] : Array.Empty<Claim>(),
            ],
            Scheme.Name,
            AuthNames.PartnerClaim,
            AuthNames.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
