using System.Net;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Security;

/// <summary>A host behind one trusted reverse proxy, with a small budget of login attempts per client.</summary>
public sealed class ProxyFactory : ApiFactory
{
    public const string Proxy = "10.0.0.5";

    public ProxyFactory()
    {
        With("ReverseProxy:KnownProxies:0", Proxy);
        With("Http:LoginAttemptsPerMinute", "3");
    }
}

/// <summary>Client addresses and the scheme come from X-Forwarded-* only when a trusted proxy sends them.</summary>
public sealed class ProxyTests(ProxyFactory api) : IClassFixture<ProxyFactory>
{
    [Fact]
    public async Task Two_clients_behind_the_trusted_proxy_have_a_login_budget_each()
    {
        var client = api.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await LoginAsync(client, ProxyFactory.Proxy, forwardedFor: "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await LoginAsync(client, ProxyFactory.Proxy, forwardedFor: "203.0.113.10")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await LoginAsync(client, ProxyFactory.Proxy, forwardedFor: "203.0.113.11")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another agent behind the same proxy is not throttled");
    }

    [Fact]
    public async Task A_forwarded_address_from_an_untrusted_caller_is_ignored()
    {
        var client = api.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await LoginAsync(client, "198.51.100.77", forwardedFor: $"203.0.113.{100 + attempt}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await LoginAsync(client, "198.51.100.77", forwardedFor: "203.0.113.200")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Hsts_is_sent_when_the_trusted_proxy_says_the_request_came_over_https()
    {
        var client = api.CreateClient(new() { BaseAddress = new Uri("http://programmes.agence.test/") });

        var overHttps = await GetAsync(client, ProxyFactory.Proxy, proto: "https");
        var claimedByStranger = await GetAsync(client, "198.51.100.78", proto: "https");
        var plain = await GetAsync(client, ProxyFactory.Proxy, proto: null);

        overHttps.Headers.TryGetValues("Strict-Transport-Security", out var hsts).Should().BeTrue();
        hsts!.Single().Should().Contain("max-age=");
        claimedByStranger.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        plain.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = $"nobody.{Guid.NewGuid():N}@tests.local", password = "Wrong!Passw0rd" }),
        };
        request.Headers.Add(PeerAddressFilter.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string peer, string? proto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(PeerAddressFilter.Header, peer);
        request.Headers.Add("X-Forwarded-For", "203.0.113.30");
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return await client.SendAsync(request);
    }
}
