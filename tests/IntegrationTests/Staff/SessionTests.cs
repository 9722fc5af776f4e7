using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IntegrationTests.Staff;

/// <summary>Sessions end when the account does: a bearer token is only as good as the account's current state.</summary>
public sealed class SessionTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_deactivated_accounts_token_stops_at_once_and_stays_dead_after_reactivation()
    {
        var admin = await api.AdminClientAsync();
        var email = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");
        var officer = await api.ClientForAsync(email);
        var id = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetString();

        (await admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await officer.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await admin.PostAsync($"/api/v1/users/{id}/reactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await officer.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await api.ClientForAsync(email)).GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_changed_password_ends_the_sessions_opened_with_the_old_one()
    {
        var email = await api.CreateStaffAsync(StaffRoles.ProgramManager);
        var before = await api.ClientForAsync(email);
        var current = await api.ClientForAsync(email);

        var changed = await current.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFactory.Password, newPassword = "Une phrase assez longue 2026" });

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        (await before.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await current.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await api.ClientForAsync(email, "Une phrase assez longue 2026")).GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_removed_role_applies_from_the_next_request()
    {
        var admin = await api.AdminClientAsync();
        var created = await StaffApi.CreateAsync(admin, StaffApi.Account("Admin"));
        var second = await StaffApi.ActivateAsync(api, created.GetProperty("email").GetString()!);
        (await second.GetAsync("/api/v1/admin/subscriptions")).StatusCode.Should().Be(HttpStatusCode.OK);

        var demoted = await admin.PutAsJsonAsync($"/api/v1/users/{created.GetProperty("id")}", new
        {
            email = created.GetProperty("email").GetString(),
            displayName = "Nadia",
            roles = new[] { "Auditor" },
            version = await CurrentVersionAsync(admin, created),
        });
        demoted.StatusCode.Should().Be(HttpStatusCode.OK, await demoted.Content.ReadAsStringAsync());

        (await second.GetAsync("/api/v1/admin/subscriptions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await second.PostAsJsonAsync("/api/v1/users", StaffApi.Account("Admin"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_removed_province_applies_from_the_next_request()
    {
        var admin = await api.AdminClientAsync();
        var created = await StaffApi.CreateAsync(admin, StaffApi.Account("Officer", ["03.531", "12.391"]));
        var officer = await StaffApi.ActivateAsync(api, created.GetProperty("email").GetString()!);
        (await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: "12.391"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var narrowed = await admin.PutAsJsonAsync($"/api/v1/users/{created.GetProperty("id")}", new
        {
            email = created.GetProperty("email").GetString(),
            displayName = "Nadia",
            roles = new[] { "Officer" },
            provinces = new[] { "03.531" },
            version = await CurrentVersionAsync(admin, created),
        });
        narrowed.StatusCode.Should().Be(HttpStatusCode.OK, await narrowed.Content.ReadAsStringAsync());

        (await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: "12.391"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: "03.531"))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task What_the_check_of_each_request_costs()
    {
        var client = await api.AdminClientAsync();
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var id = me.GetProperty("id").GetString()!;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Identity.Infrastructure.Persistence.StaffIdentityDbContext>();
        var stamp = await api.ScalarAsync<string>($"SELECT security_stamp FROM identity.\"AspNetUsers\" WHERE id = '{id}'");
        var sessions = api.Services.GetRequiredService<Identity.Infrastructure.Sessions.AccountSessions>();
        System.Security.Claims.ClaimsPrincipal Principal() => new(new System.Security.Claims.ClaimsIdentity(
            [new("sub", id), new("kind", "staff"), new("stamp", stamp!), new("role", "Admin")], "Bearer"));

        const int Rounds = 2000;
        (await sessions.CheckAsync(Principal(), db, CancellationToken.None)).Should().NotBeNull();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            await sessions.CheckAsync(Principal(), db, CancellationToken.None);
        }

        var cached = clock.Elapsed.TotalMicroseconds / Rounds;
        clock.Restart();
        for (var i = 0; i < Rounds / 10; i++)
        {
            sessions.Forget(Guid.Parse(id));
            await sessions.CheckAsync(Principal(), db, CancellationToken.None);
        }

        var uncached = clock.Elapsed.TotalMicroseconds / (Rounds / 10);
        output.WriteLine($"The session check: {cached:0.0} µs per request with the account's state cached, {uncached:0.0} µs when it is read from the database");
        uncached.Should().BeGreaterThan(cached);
    }

    /// <summary>The version as read now: setting a password and signing in change the account too.</summary>
    private static async Task<uint> CurrentVersionAsync(HttpClient admin, JsonElement account) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{account.GetProperty("id")}")).GetProperty("version").GetUInt32();
}
