using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using IntegrationTests.Staff;
using Mentoring.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Demo;

/// <summary>Its part of the demo story.</summary>
public sealed partial class DemoStoryTests
{
    [Fact]
    public async Task The_demo_seeds_mentors_in_the_articles_provinces_including_the_nador_incubator()
    {
        var api = _api;
        var admin = await api.AdminClientAsync();

        var mentors = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/mentors?pageSize=50")).GetProperty("items").EnumerateArray().ToList();

        mentors.Should().HaveCount(5);
        mentors.Select(m => m.GetProperty("provinces")[0].GetString()).Should().Contain(["02.381", "03.531", "04.291", "12.391"]);
        var atpe = mentors.Should().ContainSingle(m => m.GetProperty("name").GetString()!.Contains("ATPE Nador")).Subject;
        atpe.GetProperty("language").GetString().Should().Be("ar");
        // Its organisation, found in Partnerships by acronym.
        var partner = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{atpe.GetProperty("organisationId").GetGuid()}");
        partner.GetProperty("acronym").GetString().Should().Be("ATPE");
        mentors.Should().OnlyContain(m => m.GetProperty("organisationId").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task The_demo_follows_the_approved_projects_and_the_first_reminder_run_emails_their_mentors()
    {
        var api = _api;
        var admin = await api.AdminClientAsync();
        var mentors = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/mentors?pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        var projects = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/mentoring/projects?pageSize=100")).GetProperty("items").EnumerateArray().ToList();

        // Every approval of the Decisions stage arrived by event, and each has a mentor of its province.
        projects.Should().HaveCountGreaterThanOrEqualTo(4);
        projects.Select(p => p.GetProperty("provinceCode").GetString()).Should().Contain(["02.381", "03.531", "12.391"]);
        foreach (var project in projects)
        {
            project.GetProperty("status").GetString().Should().Be("InFollowUp");
            var mentor = mentors.Single(m => m.GetProperty("id").GetGuid() == project.GetProperty("mentorId").GetGuid());
            mentor.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()).Should().Contain(project.GetProperty("provinceCode").GetString());
        }

        var atpe = mentors.Single(m => m.GetProperty("name").GetString()!.Contains("ATPE Nador")).GetProperty("id").GetGuid();
        projects.Should().Contain(p => p.GetProperty("mentorId").GetGuid() == atpe);
        var visits = new List<JsonElement>();
        foreach (var project in projects)
        {
            visits.AddRange((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/mentoring/projects/{project.GetProperty("id").GetGuid()}/visits")).EnumerateArray());
        }

        visits.Should().Contain(v => v.GetProperty("status").GetString() == "Reported");
        visits.Should().Contain(v => v.GetProperty("status").GetString() == "Planned" && v.GetProperty("rescheduleReason").ValueKind == JsonValueKind.String);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MentorRemindersJob>().RunAsync(CancellationToken.None);
        }

        var reminded = new List<MimeKit.MimeMessage>();
        foreach (var mentor in mentors)
        {
            reminded.AddRange(await StaffApi.MailsToAsync(api, mentor.GetProperty("email").GetString()!));
        }

        reminded.Should().NotBeEmpty();
        reminded.Should().OnlyContain(m => m.TextBody != null && m.HtmlBody != null);
    }
}
