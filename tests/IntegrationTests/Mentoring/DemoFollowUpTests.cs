using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Infrastructure.Modules;
using IntegrationTests.Demo;
using IntegrationTests.Infrastructure;
using IntegrationTests.Staff;
using Mentoring.Infrastructure;
using Mentoring.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Mentoring;

/// <summary>
/// Mentoring's FollowUp stage of the demo story on approvals this test publishes as Financing would,
/// so that it holds whatever Financing's demo decides: run again, it changes nothing.
/// </summary>
public sealed class DemoFollowUpTests(DemoStoryHost api) : IClassFixture<DemoStoryHost>
{
    [Fact]
    public async Task Approved_projects_get_a_mentor_of_their_province_a_plan_and_reminders_on_the_first_run()
    {
        var approvals = new[]
        {
            MentoringApi.Approval(sector: "Crafts", province: "02.381", commune: "02.381.01.01", coordinator: "coordination.nador@demo.local"),
            MentoringApi.Approval(sector: "Commerce", province: "02.381", commune: "02.381.01.01", coordinator: "coordination.nador@demo.local"),
            MentoringApi.Approval(sector: "AgriFood", province: "02.381", commune: "02.381.01.01", coordinator: "coordination.nador@demo.local"),
            MentoringApi.Approval(sector: "Agriculture", province: "03.531", commune: "03.531.01.01", coordinator: "coordination.taounate@demo.local"),
            MentoringApi.Approval(sector: "Livestock", province: "03.531", commune: "03.531.01.01", coordinator: "coordination.taounate@demo.local"),
            MentoringApi.Approval(sector: "Fishing", province: "12.391", commune: "12.391.01.01", coordinator: null),
        };
        foreach (var approval in approvals)
        {
            await MentoringApi.ApprovedProjectAsync(api, approval);
        }

        await SeedFollowUpAsync();
        var admin = await api.AdminClientAsync();
        var mentors = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/mentors?pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        foreach (var approval in approvals)
        {
            var project = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/mentoring/projects/{approval.ApplicationId}");
            project.GetProperty("status").GetString().Should().Be("InFollowUp");
            var mentor = mentors.Single(m => m.GetProperty("id").GetGuid() == project.GetProperty("mentorId").GetGuid());
            mentor.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()).Should().Contain(approval.ProvinceCode);
            (await MentoringApi.VisitsAsync(admin, approval.ApplicationId)).Should().HaveCount(12);
        }

        var atpe = mentors.Single(m => m.GetProperty("name").GetString()!.Contains("ATPE"));
        var partner = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{atpe.GetProperty("organisationId").GetGuid()}");
        partner.GetProperty("acronym").GetString().Should().Be("ATPE");
        var reported = await api.ScalarAsync<long>("SELECT count(*) FROM mentoring.visits WHERE status = 'Reported'");
        reported.Should().BeGreaterThan(0);
        var dueSoon = await api.ScalarAsync<long>("SELECT count(*) FROM mentoring.visits WHERE status = 'Planned' AND due_on <= current_date + 3");
        dueSoon.Should().BeGreaterThan(0);

        // Told again (the next start), the stage changes nothing.
        await SeedFollowUpAsync();
        (await api.ScalarAsync<long>("SELECT count(*) FROM mentoring.visits WHERE status = 'Reported'")).Should().Be(reported);
        (await api.ScalarAsync<long>("SELECT count(*) FROM mentoring.visits WHERE status = 'Planned' AND due_on <= current_date + 3")).Should().Be(dueSoon);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MentorRemindersJob>().RunAsync(CancellationToken.None);
        }

        var reminded = new List<string>();
        foreach (var mentor in mentors.Select(m => m.GetProperty("email").GetString()!))
        {
            // Besides the daily visits reminder, a mentor may have an arrears alert (Dakhla's honour loans).
            var mails = await StaffApi.MailsToAsync(api, mentor);
            mails.Select(m => m.Subject).Should().OnlyHaveUniqueItems();
            var visits = mails.Where(m => (m.Subject ?? string.Empty).StartsWith("Rappel", StringComparison.Ordinal) || (m.Subject ?? string.Empty).StartsWith("تذكير", StringComparison.Ordinal)).ToList();
            visits.Should().HaveCountLessThanOrEqualTo(1);
            if (visits.Count == 1)
            {
                reminded.Add(mentor);
                visits[0].HtmlBody.Should().NotBeNullOrEmpty();
                visits[0].TextBody.Should().NotBeNullOrEmpty();
            }
        }

        reminded.Should().NotBeEmpty();
    }

    private async Task SeedFollowUpAsync() =>
        await MentoringModule.SeedDemoDataAsync(api.Services, api.Services.GetRequiredService<IConfiguration>(), DemoStage.FollowUp, CancellationToken.None);
}
