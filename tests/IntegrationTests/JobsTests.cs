using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

public sealed class JobsFactory : ApiFactory
{
    public JobsFactory()
    {
        With("Hangfire:ServerEnabled", "true");
        With("Hangfire:QueuePollInterval", "00:00:00.200");
        With("Hangfire:SchedulePollingInterval", "00:00:01");
        With("Hangfire:WorkerCount", "2");
    }
}

/// <summary>Hangfire on PostgreSQL: the recurring heartbeat, its workers, and the admin-only dashboard.</summary>
public sealed partial class JobsTests(JobsFactory api) : IClassFixture<JobsFactory>
{
    [Fact]
    public async Task The_heartbeat_is_a_recurring_job_in_moroccan_time_and_the_workers_run_it()
    {
        _ = api.Server;
        var storage = api.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var heartbeat = connection.GetRecurringJobs().Single(j => j.Id == "heartbeat");
            heartbeat.TimeZoneId.Should().BeOneOf("Africa/Casablanca", "Morocco Standard Time");
            heartbeat.Cron.Should().Be("* * * * *");
        }

        var before = storage.GetMonitoringApi().SucceededListCount();
        api.Services.GetRequiredService<IRecurringJobManager>().Trigger("heartbeat");

        await Eventually.Until(() => Task.FromResult(storage.GetMonitoringApi().SucceededListCount()), n => n > before, TimeSpan.FromSeconds(30));
        (await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.server")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_dashboard_sends_a_stranger_to_the_login_page()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().StartWith("/account/login");
    }

    [Fact]
    public async Task An_admin_signs_in_and_sees_the_dashboard_an_officer_does_not()
    {
        var officer = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");

        (await SignInAndOpenDashboard(ApiFactory.AdminEmail)).Should().Be(HttpStatusCode.OK);
        (await SignInAndOpenDashboard(officer)).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_password_on_the_login_page_opens_nothing()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });
        var form = await LoginForm(client, ApiFactory.AdminEmail, "Wrong!Passw0rd");

        var posted = await client.PostAsync("/account/login", form);

        posted.Headers.Location!.ToString().Should().Contain("error=1");
        (await client.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<HttpStatusCode> SignInAndOpenDashboard(string email)
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });
        var posted = await client.PostAsync("/account/login", await LoginForm(client, email, ApiFactory.Password));
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().Should().Be("/hangfire");
        return (await client.GetAsync("/hangfire")).StatusCode;
    }

    private static async Task<FormUrlEncodedContent> LoginForm(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/login?returnUrl=%2Fhangfire");
        var token = AntiforgeryField().Match(page);
        token.Success.Should().BeTrue();
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/hangfire",
        });
    }

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
