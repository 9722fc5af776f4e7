using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Partnerships;

public sealed class RateLimitedPartnerFactory : ApiFactory
{
    public RateLimitedPartnerFactory() => With("Partnerships:RequestsPerMinutePerKey", "3");
}

/// <summary>Partner keys: scopes, rotation, revocation and each key's own request budget.</summary>
public sealed class ApiKeyTests(RateLimitedPartnerFactory api) : IClassFixture<RateLimitedPartnerFactory>
{
    [Fact]
    public async Task A_rotated_key_replaces_the_old_one_at_once_and_a_revoked_key_opens_nothing()
    {
        var admin = await api.AdminClientAsync("en");
        var partner = await ConventionTests.PartnerAsync(admin, "Association", "03.531");
        var issued = await (await admin.PostAsJsonAsync($"/api/v1/partners/{partner}/api-keys", new { label = "AFT", scopes = new[] { "status:read", "webhooks:manage" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        issued.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal("status:read", "webhooks:manage");
        var oldKey = issued.GetProperty("key").GetString()!;
        (await Profile(oldKey)).Should().Be(HttpStatusCode.OK);

        var rotated = await admin.PostAsync($"/api/v1/partners/{partner}/api-keys/{issued.GetProperty("id").GetGuid()}/rotate", null);
        rotated.StatusCode.Should().Be(HttpStatusCode.Created);
        var next = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var newKey = next.GetProperty("key").GetString()!;
        next.GetProperty("scopes").GetArrayLength().Should().Be(2);

        (await Profile(oldKey)).Should().Be(HttpStatusCode.Unauthorized);
        (await Profile(newKey)).Should().Be(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/partners/{partner}/api-keys/{issued.GetProperty("id").GetGuid()}/rotate", null))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a revoked key is not rotated");

        (await admin.PostAsync($"/api/v1/partners/{partner}/api-keys/{next.GetProperty("id").GetGuid()}/revoke", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Profile(newKey)).Should().Be(HttpStatusCode.Unauthorized);
        var keys = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{partner}/api-keys");
        keys.EnumerateArray().Should().OnlyContain(k => k.GetProperty("revokedOn").ValueKind == JsonValueKind.String);
        keys.EnumerateArray().Select(k => k.TryGetProperty("key", out var secret)).Should().OnlyContain(found => !found);
    }

    [Fact]
    public async Task A_key_of_another_partner_is_not_found_and_an_unknown_scope_is_refused()
    {
        var admin = await api.AdminClientAsync("en");
        var one = await ConventionTests.PartnerAsync(admin, "Association", "03.531");
        var other = await ConventionTests.PartnerAsync(admin, "Association", "03.531");
        var issued = await (await admin.PostAsJsonAsync($"/api/v1/partners/{one}/api-keys", new { label = "one" })).Content.ReadFromJsonAsync<JsonElement>();
        issued.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal("status:read");

        (await admin.PostAsync($"/api/v1/partners/{other}/api-keys/{issued.GetProperty("id").GetGuid()}/revoke", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Profile(issued.GetProperty("key").GetString()!)).Should().Be(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/partners/{one}/api-keys", new { label = "x", scopes = new[] { "admin:all" } })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Each_key_has_its_own_budget_and_past_it_gets_429_with_retry_after()
    {
        var admin = await api.AdminClientAsync("en");
        var partner = await ConventionTests.PartnerAsync(admin, "Bank", null);
        var eager = (await (await admin.PostAsJsonAsync($"/api/v1/partners/{partner}/api-keys", new { label = "eager" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var calm = (await (await admin.PostAsJsonAsync($"/api/v1/partners/{partner}/api-keys", new { label = "calm" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        for (var i = 0; i < 3; i++)
        {
            (await Profile(eager)).Should().Be(HttpStatusCode.OK);
        }

        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", eager);
        var refused = await client.GetAsync("/api/v1/partner/profile");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        (await ProblemDocument.ReadAsync(refused)).TraceId.Should().NotBeNullOrEmpty();
        (await Profile(calm)).Should().Be(HttpStatusCode.OK, "another key has its own budget");
    }

    private async Task<HttpStatusCode> Profile(string key)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return (await client.GetAsync("/api/v1/partner/profile")).StatusCode;
    }
}
