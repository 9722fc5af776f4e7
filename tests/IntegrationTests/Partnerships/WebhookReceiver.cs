using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Partnerships;

/// <summary>
/// A partner's receiver on a real loopback socket (Kestrel): it verifies each request's signature
/// as a partner's developer would from the document alone, records what it got, and answers 503
/// while it is down.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Received(Guid DeliveryId, Guid ApplicationId, int Sequence, long Timestamp, bool SignatureValid, bool Accepted, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Secret { get; set; } = string.Empty;

    public bool Down { get; set; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The requests it acknowledged, in the order they came.</summary>
    public IReadOnlyList<Received> Accepted => [.. Requests.Where(r => r.Accepted)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks";
        return receiver;
    }

    /// <summary>The check a partner's receiver makes: HMAC-SHA256 of "t.body" with the secret, compared in constant time.</summary>
    public static bool Verify(string secret, string header, string body, out long timestamp)
    {
        timestamp = 0;
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var valid = Verify(Secret, request.Headers["X-Webhook-Signature"].ToString(), body, out var timestamp);
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("data");
        var accepted = valid && !Down;
        Requests.Enqueue(new Received(
            Guid.Parse(request.Headers["X-Webhook-Id"].ToString()),
            data.GetProperty("applicationId").GetGuid(),
            data.GetProperty("sequence").GetInt32(),
            timestamp,
            valid,
            accepted,
            body));
        return Down ? Results.StatusCode(503) : valid ? Results.NoContent() : Results.Unauthorized();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
