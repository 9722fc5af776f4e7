using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using IntegrationTests.Infrastructure;
using Identity.Infrastructure.StaffAccounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IntegrationTests.Security;

/// <summary>Realistic throttling: five failures per account and address, then a slowdown per account.</summary>
public sealed class ThrottlingFactory : ApiFactory
{
    public ThrottlingFactory()
    {
        With("Auth:FailuresPerAccountAndAddress", "5");
        With("Auth:SlowdownAfterFailures", "5");
        With("Auth:SlowdownStep", "00:00:00.400");
        With("Auth:MaxSlowdown", "00:00:01");
    }
}

internal static class Login
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string? from = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password }) };
        if (from is not null)
        {
            request.Headers.Add(PeerAddressFilter.Header, from);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public static async Task<StaffUser> UpdateStaffAsync(ApiFactory api, string email, Func<UserManager<StaffUser>, StaffUser, Task> change)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await change(users, user);
        return user;
    }

    /// <summary>The messages the host wrote to its pickup directory for one recipient.</summary>
    public static async Task<List<MimeMessage>> MailToAsync(ApiFactory api, string email)
    {
        var directory = Path.Combine(Path.GetTempPath(), "modular-tests", api.DatabaseName, "mail");
        var found = new List<MimeMessage>();
        foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        return found;
    }
}

/// <summary>A caller cannot tell an unknown account from a known one, by the answer or by its time.</summary>
public sealed class LoginEnumerationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_unknown_email_takes_as_long_as_a_wrong_password()
    {
        const int samples = 12;
        var client = api.CreateClient();
        var accounts = new List<string>();
        for (var i = 0; i < samples + 2; i++)
        {
            accounts.Add(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        }

        // Warm-up: the first calls pay for JIT and connection pools, not for the check itself.
        await Login.PostAsync(client, $"warm.{Guid.NewGuid():N}@tests.local", "Wrong!Passw0rd");
        await Login.PostAsync(client, accounts[^1], "Wrong!Passw0rd");
        await Login.PostAsync(client, accounts[^2], "Wrong!Passw0rd");

        var unknown = new List<double>();
        var known = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            // Interleaved, so that a burst of load on the machine falls on both alike.
            unknown.Add(await TimeAsync(() => Login.PostAsync(client, $"nobody.{Guid.NewGuid():N}@tests.local", "Wrong!Passw0rd")));
            known.Add(await TimeAsync(() => Login.PostAsync(client, accounts[i], "Wrong!Passw0rd")));
        }

        var ratio = Median(unknown) / Median(known);
        var because = $"unknown {string.Join(", ", unknown.Select(t => t.ToString("0")))} ms; known {string.Join(", ", known.Select(t => t.ToString("0")))} ms";
        ratio.Should().BeInRange(0.5, 2.0, because);
        unknown.Max().Should().BeGreaterThanOrEqualTo(known.Min(), because);
        known.Max().Should().BeGreaterThanOrEqualTo(unknown.Min(), because);
    }

    [Fact]
    public async Task Locked_unknown_and_wrong_password_get_the_same_answer()
    {
        var locked = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");
        await Login.UpdateStaffAsync(api, locked, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));
        var other = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        var answers = new[]
        {
            await Login.PostAsync(client, locked, ApiFactory.Password),
            await Login.PostAsync(client, locked, "Wrong!Passw0rd"),
            await Login.PostAsync(client, $"nobody.{Guid.NewGuid():N}@tests.local", ApiFactory.Password),
            await Login.PostAsync(client, other, "Wrong!Passw0rd"),
        };

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        var details = new List<string?>();
        foreach (var answer in answers)
        {
            details.Add((await ProblemDocument.ReadAsync(answer)).Detail);
        }

        details.Distinct().Should().ContainSingle().Which.Should().Be("The email or the password is wrong.");
    }

    [Fact]
    public async Task The_owner_of_a_locked_account_learns_it_by_email_in_their_language()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");
        await Login.UpdateStaffAsync(api, email, async (users, user) =>
        {
            user.PreferredLanguage = "ar";
            await users.UpdateAsync(user);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        });

        var response = await Login.PostAsync(api.CreateClient(), email, ApiFactory.Password);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var mail = await Eventually.Until(() => Login.MailToAsync(api, email), m => m.Count > 0);
        mail.Single().Subject.Should().Contain("مقفل");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var clock = Stopwatch.StartNew();
        using var response = await call();
        clock.Stop();
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>Failures slow an account down and throttle the address they come from; they never lock its owner out.</summary>
public sealed class LoginThrottlingTests(ThrottlingFactory api) : IClassFixture<ThrottlingFactory>
{
    [Fact]
    public async Task An_attacker_is_throttled_on_his_address_and_the_owner_still_signs_in()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");
        var client = api.CreateClient();
        const string attacker = "198.51.100.10";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await Login.PostAsync(client, email, "Wrong!Passw0rd", attacker)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var unknown = $"nobody.{Guid.NewGuid():N}@tests.local";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await Login.PostAsync(client, unknown, "Wrong!Passw0rd", attacker)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var throttled = await Login.PostAsync(client, email, ApiFactory.Password, attacker);
        var throttledUnknown = await Login.PostAsync(client, unknown, ApiFactory.Password, attacker);
        var owner = await Login.PostAsync(client, email, ApiFactory.Password, "203.0.113.50");

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.Should().NotBeNull();
        throttledUnknown.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "an unknown account is throttled like a known one");
        owner.StatusCode.Should().Be(HttpStatusCode.OK, "failures from another address do not keep the owner out");
    }

    [Fact]
    public async Task Failures_from_many_addresses_slow_the_account_down_and_tell_its_owner()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");
        await Login.UpdateStaffAsync(api, email, async (users, user) =>
        {
            user.PreferredLanguage = "fr";
            await users.UpdateAsync(user);
        });
        var client = api.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await Login.PostAsync(client, email, "Wrong!Passw0rd", $"198.51.100.{20 + attempt}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var clock = Stopwatch.StartNew();
        var owner = await Login.PostAsync(client, email, ApiFactory.Password, "203.0.113.51");
        clock.Stop();

        owner.StatusCode.Should().Be(HttpStatusCode.OK);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400), "the account is slowed down after five failures");
        var mail = await Eventually.Until(() => Login.MailToAsync(api, email), m => m.Count > 0);
        mail.Should().ContainSingle();
        mail[0].TextBody.Should().Contain("ralenties");
    }
}
