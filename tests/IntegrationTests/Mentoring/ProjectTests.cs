using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Security;
using Financing.Contracts;
using Identity.Infrastructure.StaffAccounts;
using IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Mentoring;

public sealed class ProjectTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_approved_project_waits_for_a_mentor()
    {
        var client = await api.AdminClientAsync();
        var approval = MentoringApi.Approval(sector: "Fishing", province: "12.391", commune: "12.391.01.01", policy: new FollowUpPolicy(3, 12));

        var id = await MentoringApi.ApprovedProjectAsync(api, approval);

        var project = await client.GetFromJsonAsync<JsonElement>($"/api/v1/mentoring/projects/{id}");
        project.GetProperty("status").GetString().Should().Be("AwaitingMentor");
        project.GetProperty("sector").GetString().Should().Be("Fishing");
        project.GetProperty("provinceCode").GetString().Should().Be("12.391");
        project.GetProperty("monthlyVisitsForMonths").GetInt32().Should().Be(3);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/mentoring/projects?status=AwaitingMentor&provinceCode=12.391"))
            .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Contain(id);
    }

    [Fact]
    public async Task The_same_approval_delivered_twice_opens_one_project()
    {
        var approval = MentoringApi.Approval();
        await MentoringApi.ApprovedProjectAsync(api, approval);

        await MentoringApi.PublishAsync(api, approval with { Id = Guid.NewGuid() });

        await Eventually.Until(
            () => api.ScalarAsync<long>("SELECT count(*) FROM mentoring.inbox_messages WHERE processed_on IS NULL"),
            n => n == 0);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM mentoring.projects WHERE id = '{approval.ApplicationId}'")).Should().Be(1);
    }

    [Fact]
    public async Task Suggestions_rank_sector_and_province_matches_first_then_free_capacity()
    {
        var client = await api.AdminClientAsync();
        var province = "03.531";
        var approval = MentoringApi.Approval(sector: "Tourism", province: province, commune: "03.531.01.01");
        var project = await MentoringApi.ApprovedProjectAsync(api, approval);
        var bothBusy = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(sectors: ["Tourism"], provinces: [province], capacity: 1));
        var bothFree = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(sectors: ["Tourism"], provinces: [province], capacity: 4));
        var sectorOnly = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(sectors: ["Tourism"], provinces: ["02.381"], capacity: 9));
        var provinceOnly = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(sectors: ["Fishing"], provinces: [province], capacity: 9));
        var inactive = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(sectors: ["Tourism"], provinces: [province], capacity: 9, active: false));
        var busyProject = await MentoringApi.ApprovedProjectAsync(api, MentoringApi.Approval(sector: "Tourism", province: province, commune: "03.531.01.01"));
        await MentoringApi.AssignAsync(client, busyProject, bothBusy);

        var suggestions = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/mentoring/projects/{project}/mentor-suggestions")).EnumerateArray().ToList();

        var ranked = suggestions.Select(s => s.GetProperty("mentorId").GetGuid()).Where(new[] { bothBusy, bothFree, sectorOnly, provinceOnly, inactive }.Contains).ToList();
        ranked.Should().Equal(bothFree, bothBusy, sectorOnly, provinceOnly);
        var busy = suggestions.Single(s => s.GetProperty("mentorId").GetGuid() == bothBusy);
        busy.GetProperty("activeProjects").GetInt32().Should().Be(1);
        busy.GetProperty("freeCapacity").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Assigning_plans_the_visits_from_the_policy_and_publishes_the_assignment()
    {
        var client = await api.AdminClientAsync();
        var mentor = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor());
        var project = await MentoringApi.ApprovedProjectAsync(api);

        var assigned = await MentoringApi.AssignAsync(client, project, mentor);

        assigned.GetProperty("status").GetString().Should().Be("InFollowUp");
        assigned.GetProperty("mentorId").GetGuid().Should().Be(mentor);
        var visits = await MentoringApi.VisitsAsync(client, project);
        visits.Select(v => v.GetProperty("month").GetInt32()).Should().Equal(1, 2, 3, 4, 5, 6, 9, 12, 15, 18, 21, 24);
        var today = Data.Today();
        DateOnly.Parse(visits[0].GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(today.AddMonths(1));
        (await api.ScalarAsync<long>(
            $"SELECT count(*) FROM mentoring.outbox_messages WHERE type = 'mentoring.mentor-assigned.v1' AND content->>'applicationId' = '{project}'"))
            .Should().Be(1);
    }

    [Fact]
    public async Task A_mentor_at_capacity_is_assigned_only_with_an_explicit_override()
    {
        var client = await api.AdminClientAsync("en");
        var mentor = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(capacity: 1));
        await MentoringApi.AssignAsync(client, await MentoringApi.ApprovedProjectAsync(api), mentor);
        var second = await MentoringApi.ApprovedProjectAsync(api);

        var refused = await client.PostAsJsonAsync($"/api/v1/mentoring/projects/{second}/assign", new { mentorId = mentor });
        (await ProblemDocument.ReadAsync(refused)).Code.Should().Be("mentor.at-capacity");
        (await MentoringApi.VisitsAsync(client, second)).Should().BeEmpty();

        var overridden = await MentoringApi.AssignAsync(client, second, mentor, overrideCapacity: true);
        overridden.GetProperty("mentorId").GetGuid().Should().Be(mentor);
        (await api.ScalarAsync<bool>($"SELECT capacity_overridden FROM mentoring.assignments WHERE project_id = '{second}'")).Should().BeTrue();
    }

    [Fact]
    public async Task Reassigning_needs_a_reason_and_keeps_the_history_and_the_plan()
    {
        var client = await api.AdminClientAsync("en");
        var first = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor());
        var second = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor());
        var project = await MentoringApi.ApprovedProjectAsync(api);
        await MentoringApi.AssignAsync(client, project, first);
        var planned = (await MentoringApi.VisitsAsync(client, project)).Select(v => v.GetProperty("dueOn").GetString()).ToList();

        var noReason = await client.PostAsJsonAsync($"/api/v1/mentoring/projects/{project}/reassign", new { mentorId = second });
        (await ProblemDocument.ReadAsync(noReason)).Errors.Should().ContainKey("reason");
        var assignAgain = await client.PostAsJsonAsync($"/api/v1/mentoring/projects/{project}/assign", new { mentorId = second });
        (await ProblemDocument.ReadAsync(assignAgain)).Code.Should().Be("project.already-assigned");

        var moved = await client.PostAsJsonAsync($"/api/v1/mentoring/projects/{project}/reassign", new { mentorId = second, reason = "Départ du mentor" });

        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mentorId").GetGuid().Should().Be(second);
        (await MentoringApi.VisitsAsync(client, project)).Select(v => v.GetProperty("dueOn").GetString()).Should().Equal(planned);
        (await api.ScalarAsync<string>($"SELECT string_agg(coalesce(reason, '-'), '|' ORDER BY assigned_on) FROM mentoring.assignments WHERE project_id = '{project}'"))
            .Should().Be("-|Départ du mentor");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM mentoring.outbox_messages WHERE type = 'mentoring.mentor-assigned.v1' AND content->>'applicationId' = '{project}'"))
            .Should().Be(2);
    }

    [Fact]
    public async Task A_mentor_account_sees_and_reports_only_the_projects_assigned_to_him()
    {
        var admin = await api.AdminClientAsync();
        var email = await api.CreateStaffAsync(Roles.Mentor, "02.381");
        Guid userId;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
        }

        var his = await MentoringApi.RegisterMentorAsync(admin, MentoringApi.Mentor(staffUserId: userId));
        var other = await MentoringApi.RegisterMentorAsync(admin, MentoringApi.Mentor());
        var mine = await MentoringApi.ApprovedProjectAsync(api);
        var notMine = await MentoringApi.ApprovedProjectAsync(api);
        await MentoringApi.AssignAsync(admin, mine, his);
        await MentoringApi.AssignAsync(admin, notMine, other);
        var mentor = await api.ClientForAsync(email);

        var listed = (await mentor.GetFromJsonAsync<JsonElement>("/api/v1/mentoring/projects?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ToList();

        listed.Should().Equal(mine);
        (await mentor.GetAsync($"/api/v1/mentoring/projects/{notMine}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await mentor.GetAsync($"/api/v1/mentoring/projects/{notMine}/visits")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var othersVisit = (await MentoringApi.VisitsAsync(admin, notMine))[0].GetProperty("id").GetGuid();
        (await mentor.PostAsJsonAsync($"/api/v1/mentoring/visits/{othersVisit}/report", Report(Data.Today())))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        var ownVisit = (await MentoringApi.VisitsAsync(mentor, mine))[0].GetProperty("id").GetGuid();
        (await mentor.PostAsJsonAsync($"/api/v1/mentoring/visits/{ownVisit}/report", Report(Data.Today())))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await mentor.PostAsJsonAsync($"/api/v1/mentoring/projects/{mine}/reassign", new { mentorId = other, reason = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_visit_is_rescheduled_with_a_reason_and_reported_once_publishing_the_report()
    {
        var client = await api.AdminClientAsync("en");
        var mentor = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor());
        var project = await MentoringApi.ApprovedProjectAsync(api);
        await MentoringApi.AssignAsync(client, project, mentor);
        var visit = (await MentoringApi.VisitsAsync(client, project))[0].GetProperty("id").GetGuid();
        var later = Data.Today().AddDays(45);

        var moved = await client.PostAsJsonAsync($"/api/v1/mentoring/visits/{visit}/reschedule", new { dueOn = later, reason = "Souk hebdomadaire" });
        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rescheduleReason").GetString().Should().Be("Souk hebdomadaire");

        var future = await client.PostAsJsonAsync($"/api/v1/mentoring/visits/{visit}/report", Report(Data.Today().AddDays(3)));
        (await ProblemDocument.ReadAsync(future)).Code.Should().Be("visit.implausible-date");

        var reported = await client.PostAsJsonAsync($"/api/v1/mentoring/visits/{visit}/report", Report(Data.Today()));
        reported.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await reported.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Reported");
        body.GetProperty("monthlyRevenue").GetDecimal().Should().Be(4500.50m);

        var again = await client.PostAsJsonAsync($"/api/v1/mentoring/visits/{visit}/report", Report(Data.Today()));
        (await ProblemDocument.ReadAsync(again)).Code.Should().Be("visit.not-planned");
        var published = await api.ScalarAsync<string>(
            $"SELECT content::text FROM mentoring.outbox_messages WHERE type = 'mentoring.visit-reported.v1' AND content->>'visitId' = '{visit}'");
        var e = JsonDocument.Parse(published!).RootElement;
        e.GetProperty("jobsHeldByWomen").GetInt32().Should().Be(2);
        e.GetProperty("enterpriseState").GetString().Should().Be("Active");
        e.GetProperty("planCompleted").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task The_last_visit_or_a_ceased_enterprise_completes_the_plan()
    {
        var client = await api.AdminClientAsync();
        var mentor = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(capacity: 10));
        var shortPlan = await MentoringApi.ApprovedProjectAsync(api, MentoringApi.Approval(policy: new FollowUpPolicy(1, 1)));
        var ceasing = await MentoringApi.ApprovedProjectAsync(api);
        await MentoringApi.AssignAsync(client, shortPlan, mentor);
        await MentoringApi.AssignAsync(client, ceasing, mentor);
        var today = Data.Today();

        var only = (await MentoringApi.VisitsAsync(client, shortPlan)).Should().ContainSingle().Subject.GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/mentoring/visits/{only}/report", Report(today))).EnsureSuccessStatusCode();
        var first = (await MentoringApi.VisitsAsync(client, ceasing))[0].GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/mentoring/visits/{first}/report", Report(today, "Ceased", positive: false))).EnsureSuccessStatusCode();

        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/mentoring/projects/{shortPlan}")).GetProperty("status").GetString().Should().Be("Completed");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/mentoring/projects/{ceasing}")).GetProperty("status").GetString().Should().Be("Completed");
        (await MentoringApi.VisitsAsync(client, ceasing)).Skip(1).Select(v => v.GetProperty("status").GetString()).Should().AllBe("Cancelled");
        (await api.ScalarAsync<long>(
            $"SELECT count(*) FROM mentoring.outbox_messages WHERE type = 'mentoring.visit-reported.v1' AND content->>'applicationId' IN ('{shortPlan}', '{ceasing}') AND (content->>'planCompleted')::boolean"))
            .Should().Be(2);
    }

    private static object Report(DateOnly on, string state = "Active", bool positive = true) => new
    {
        visitedOn = on,
        mode = "OnSite",
        enterpriseState = state,
        monthlyRevenue = 4500.50m,
        jobsHeldByWomen = 2,
        jobsHeldByMen = 1,
        problems = "Retard de livraison",
        recommendations = "Tenir un cahier de caisse",
        positive,
    };
}
