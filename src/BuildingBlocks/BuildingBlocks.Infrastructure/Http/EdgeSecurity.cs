using System.Net;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>Configuration section <c>ReverseProxy</c>: who may tell the host the client's address and scheme.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (e.g. <c>10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Networks of such proxies in CIDR notation (e.g. <c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a chain are unwrapped (one TLS-terminating proxy by default).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>HSTS max-age sent on answers served over HTTPS.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<System.Net.IPNetwork> Networks() => KnownNetworks.Select(n => System.Net.IPNetwork.Parse(n));
}

/// <summary>
/// The headers every answer carries, added when the answer starts so that error answers (which
/// the exception handler clears and rewrites) carry them too: no MIME sniffing, no framing by
/// another site, and no storing of API answers — the API answers tokens, keys and records of
/// people, so every route under <c>/api</c> and <c>/account</c> is <c>no-store</c> by rule, and a
/// module added later gets it without asking.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly string[] NoStorePrefixes = ["/api", "/account"];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(
            static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // Antiforgery sets SAMEORIGIN on the sign-in page; nothing of ours is meant to be framed.
                headers.XFrameOptions = "DENY";
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                }

                if (NoStorePrefixes.Any(prefix => http.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            },
            context);
        return next(context);
    }
}
