using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Applicants.Contracts;
using BuildingBlocks.Infrastructure.Messaging;
using IntegrationTests.Infrastructure;
using IntegrationTests.Mentoring;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Infrastructure.Jobs;

namespace IntegrationTests.Partnerships;

public sealed class WebhookFactory : ApiFactory
{
    public WebhookFactory()
    {
        // Near the real time: the admin's token is issued on the fake clock and checked against the real one.
        Clock = new SettableClock(Start);
        With("Partnerships:Webhooks:AllowLoopbackHttp", "true");
        With("Partnerships:Webhooks:RetryDelay", "00:00:30");
        With("Partnerships:Webhooks:MaxAttempts", "12");
    }

    public static DateTimeOffset Start { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

    public SettableClock FakeClock => (SettableClock)Clock!;

    /// <summary>One run of the Hangfire job, as the server would start it every minute.</summary>
    public async Task RunWebhookJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookDeliveryJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Writes Applicants' stage-change event to its outbox, as Applicants' own command would, for the relay to deliver.</summary>
    public Task PublishStageChangeAsync(Guid application, Guid programme, Guid? referrer, string? from, string to, int sequence, string? outcome = null)
    {
        var changedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(1)).AddDays(sequence);
        var e = new ApplicationStageChangedIntegrationEvent(application, programme, referrer, from, to, outcome, sequence, changedAt, changedAt);
        var content = MessageSerializer.Serialize(e).Replace("'", "''", StringComparison.Ordinal);
        return ExecuteAsync(
            $"INSERT INTO applicants.outbox_messages (id, type, content, occurred_on) VALUES ('{Guid.CreateVersion7()}', '{MessageSerializer.TypeName(e.GetType())}', '{content}'::jsonb, now())");
    }
}

/// <summary>
/// Signed webhooks against a real receiver on a loopback socket: the signature verifies, a receiver
/// down for an hour gets everything once it is back, a project's deliveries arrive in order, every
/// attempt is logged, and a delivery can be replayed. Time moves on the host's fake clock; the
/// Hangfire job is run as the server would run it each minute.
/// </summary>
[Collection("webhooks")]
public sealed class WebhookTests : IClassFixture<WebhookFactory>
{
    private readonly WebhookFactory api;

    public WebhookTests(WebhookFactory api)
    {
        // Each test starts at the same time: the previous one may have moved the clock an hour on.
        this.api = api;
        api.FakeClock.SetUtcNow(WebhookFactory.Start);
    }

    private const string Secret = "whsec_test-secret-0123456789-abcdefghijklmnop";

    [Fact]
    public async Task A_receiver_down_for_an_hour_gets_every_delivery_signed_and_in_order_per_project()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Secret = Secret;
        var admin = await api.AdminClientAsync("en");
        var partner = await ConventionTests.PartnerAsync(admin, "Association", "02.381");
        var system = await api.PartnerSystemAsync(admin, partner, "status:read", "webhooks:manage");
        var registered = await system.PutAsJsonAsync("/api/v1/partner/webhooks", new { url = receiver.Url, secret = Secret });
        registered.StatusCode.Should().Be(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString().Should().Be(Secret);

        receiver.Down = true;
        var programme = Guid.NewGuid();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await api.PublishStageChangeAsync(first, programme, partner, null, "Submitted", 1);
        await api.PublishStageChangeAsync(first, programme, partner, "Submitted", "UnderReview", 2);
        await api.PublishStageChangeAsync(second, programme, partner, null, "Submitted", 1);
        await api.PublishStageChangeAsync(first, programme, partner, "UnderReview", "Approved", 3, "Approved");
        await api.PublishStageChangeAsync(second, programme, partner, "Submitted", "UnderReview", 2);
        await Eventually.Until(() => DeliveriesAsync(system, ""), d => d.Count == 5);

        // An hour of the Hangfire job running every minute against a receiver that answers 503.
        var start = api.FakeClock.GetUtcNow();
        for (var minute = 0; minute <= 60; minute++)
        {
            api.FakeClock.SetUtcNow(start.AddMinutes(minute));
            await api.RunWebhookJobAsync();
        }

        // Only the head of each project's queue was tried, with a doubling back-off: 0, ½, 1½, 3½, 7½, 15½, 31½ minutes.
        receiver.Requests.Select(r => (r.ApplicationId, r.Sequence)).Distinct().Should().BeEquivalentTo(new[] { (first, 1), (second, 1) });
        receiver.Requests.Count(r => r.ApplicationId == first).Should().Be(7);
        receiver.Requests.Should().OnlyContain(r => r.SignatureValid);
        receiver.Accepted.Should().BeEmpty();

        receiver.Down = false;
        for (var minute = 61; minute <= 64; minute++)
        {
            api.FakeClock.SetUtcNow(start.AddMinutes(minute));
            await api.RunWebhookJobAsync();
        }

        receiver.Accepted.Where(r => r.ApplicationId == first).Select(r => r.Sequence).Should().Equal(1, 2, 3);
        receiver.Accepted.Where(r => r.ApplicationId == second).Select(r => r.Sequence).Should().Equal(1, 2);
        receiver.Accepted.Should().OnlyContain(r => Math.Abs(r.Timestamp - api.FakeClock.GetUtcNow().ToUnixTimeSeconds()) <= 60);

        var delivered = await DeliveriesAsync(system, "?status=Delivered");
        delivered.Should().HaveCount(5);
        var head = delivered.Single(d => d.GetProperty("applicationId").GetGuid() == first && d.GetProperty("sequence").GetInt32() == 1);
        var log = head.GetProperty("attemptLog").EnumerateArray().ToList();
        log.Should().HaveCount(8);
        log.Take(7).Should().OnlyContain(a => a.GetProperty("statusCode").GetInt32() == 503 && a.GetProperty("error").GetString() == "HTTP 503");
        log[7].GetProperty("statusCode").GetInt32().Should().Be(204);
        log.Select(a => a.GetProperty("number").GetInt32()).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        (await DeliveriesAsync(system, "?status=Pending")).Should().BeEmpty();

        // The body posted is the one the list shows, byte for byte, and says what changed.
        var body = receiver.Accepted.First(r => r.DeliveryId == head.GetProperty("id").GetGuid()).Body;
        head.GetProperty("payload").GetString().Should().Be(body);
        using var payload = JsonDocument.Parse(body);
        payload.RootElement.GetProperty("type").GetString().Should().Be("project.stage_changed");
        payload.RootElement.GetProperty("data").GetProperty("toStage").GetString().Should().Be("Submitted");
    }

    [Fact]
    public async Task A_replayed_delivery_is_posted_again_with_its_id_and_a_fresh_signature_and_only_by_its_partner()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Secret = Secret;
        var admin = await api.AdminClientAsync("en");
        var partner = await ConventionTests.PartnerAsync(admin, "Association", "02.381");
        var other = await ConventionTests.PartnerAsync(admin, "Bank", null);
        var system = await api.PartnerSystemAsync(admin, partner, "webhooks:manage");
        var otherSystem = await api.PartnerSystemAsync(admin, other, "webhooks:manage");
        (await system.PutAsJsonAsync("/api/v1/partner/webhooks", new { url = receiver.Url, secret = Secret })).EnsureSuccessStatusCode();
        var application = Guid.NewGuid();
        await api.PublishStageChangeAsync(application, Guid.NewGuid(), partner, null, "Submitted", 1);
        var delivery = (await Eventually.Until(() => DeliveriesAsync(system, ""), d => d.Count == 1))[0];
        var id = delivery.GetProperty("id").GetGuid();
        await api.RunWebhookJobAsync();
        receiver.Accepted.Should().ContainSingle(r => r.DeliveryId == id);
        var firstTimestamp = receiver.Accepted.Single().Timestamp;

        (await otherSystem.PostAsync($"/api/v1/partner/webhooks/deliveries/{id}/replay", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherSystem.GetAsync($"/api/v1/partner/webhooks/deliveries/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await DeliveriesAsync(otherSystem, "")).Should().BeEmpty();

        var replayed = await system.PostAsync($"/api/v1/partner/webhooks/deliveries/{id}/replay", null);
        replayed.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Pending");
        api.FakeClock.Advance(TimeSpan.FromMinutes(10));
        await api.RunWebhookJobAsync();

        var both = receiver.Accepted.Where(r => r.DeliveryId == id).ToList();
        both.Should().HaveCount(2);
        both[1].Body.Should().Be(both[0].Body);
        both[1].Timestamp.Should().BeGreaterThan(firstTimestamp, "every attempt is signed afresh, so a receiver may refuse old timestamps");
    }

    [Fact]
    public async Task A_webhook_needs_https_a_public_address_and_the_webhooks_scope()
    {
        var admin = await api.AdminClientAsync("en");
        var partner = await ConventionTests.PartnerAsync(admin, "Association", "02.381");
        var system = await api.PartnerSystemAsync(admin, partner, "webhooks:manage");
        var feedOnly = await api.PartnerSystemAsync(admin, partner, "status:read");

        (await system.PutAsJsonAsync("/api/v1/partner/webhooks", new { url = "http://partner.example.ma/hooks" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        foreach (var inside in new[] { "https://10.1.2.3/hooks", "https://169.254.169.254/latest/meta-data", "https://192.168.1.10/hooks", "https://[fd00::1]/hooks", "https://[::ffff:172.16.0.5]/hooks", "https://0.0.0.0/hooks" })
        {
            var refused = await system.PutAsJsonAsync("/api/v1/partner/webhooks", new { url = inside });
            refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, inside);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("webhook.address-not-public");
        }

        (await system.GetAsync("/api/v1/partner/webhooks")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await feedOnly.PutAsJsonAsync("/api/v1/partner/webhooks", new { url = "https://partner.example.ma/hooks" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var registered = await (await system.PutAsJsonAsync("/api/v1/partner/webhooks", new { url = "https://partner.example.ma/hooks" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = registered.GetProperty("secret").GetString();
        secret.Should().StartWith("whsec_").And.HaveLength(49);
        var changed = await (await system.PutAsJsonAsync("/api/v1/partner/webhooks", new { url = "https://partner.example.ma/v2/hooks" })).Content.ReadFromJsonAsync<JsonElement>();
        changed.GetProperty("secret").GetString().Should().Be(secret, "leaving the secret out keeps it");
        (await system.DeleteAsync("/api/v1/partner/webhooks")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private static async Task<List<JsonElement>> DeliveriesAsync(HttpClient system, string query)
    {
        var page = await system.GetFromJsonAsync<JsonElement>("/api/v1/partner/webhooks/deliveries" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
