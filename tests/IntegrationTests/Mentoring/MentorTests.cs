using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Security;
using Identity.Infrastructure.StaffAccounts;
using IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Mentoring;

public sealed class MentorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_mentor_of_a_partner_organisation_is_registered_read_back_and_corrected()
    {
        var client = await api.AdminClientAsync();
        var partner = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(Data.UniqueName("Incubateur social de Nador"), "Association", "02.381")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var organisation = partner.GetProperty("id").GetGuid();

        var created = await client.PostAsJsonAsync("/api/v1/mentors", MentoringApi.Mentor("كريمة بوطاهر", "ar", ["Crafts", "Commerce"], ["02.381"], 12, organisationId: organisation));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var mentor = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = mentor.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().Should().Be($"/api/v1/mentors/{id}");
        mentor.GetProperty("language").GetString().Should().Be("ar");
        mentor.GetProperty("organisationId").GetGuid().Should().Be(organisation);
        mentor.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()).Should().Equal("Crafts", "Commerce");

        var update = await client.PutAsJsonAsync($"/api/v1/mentors/{id}", new
        {
            name = "كريمة بوطاهر", email = "k.boutahar@example.ma", phone = "+212 661 23 45 67", language = "fr",
            sectors = new[] { "Crafts" }, provinces = new[] { "02.381", "03.531" }, capacity = 8, active = false,
            version = mentor.GetProperty("version").GetUInt32(),
        });

        update.StatusCode.Should().Be(HttpStatusCode.OK);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/mentors/{id}");
        read.GetProperty("active").GetBoolean().Should().BeFalse();
        read.GetProperty("capacity").GetInt32().Should().Be(8);
        read.GetProperty("provinces").EnumerateArray().Select(s => s.GetString()).Should().Equal("02.381", "03.531");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/mentors?active=false&provinceCode=03.531")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("id").GetGuid()).Should().Contain(id);
    }

    [Fact]
    public async Task A_stale_version_is_409()
    {
        var client = await api.AdminClientAsync();
        var id = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor());

        var response = await client.PutAsJsonAsync($"/api/v1/mentors/{id}", new
        {
            name = "X", email = "x@example.ma", phone = "0661234567", language = "fr", provinces = new[] { "02.381" }, capacity = 3, version = 1u,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_organisation_that_is_not_a_partner_is_refused()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsJsonAsync("/api/v1/mentors", MentoringApi.Mentor(organisationId: Guid.NewGuid()));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(response)).Code.Should().Be("mentor.unknown-organisation");
    }

    [Fact]
    public async Task A_province_outside_the_reference_geography_is_refused()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsJsonAsync("/api/v1/mentors", MentoringApi.Mentor(provinces: ["99.999"]));

        (await ProblemDocument.ReadAsync(response)).Code.Should().Be("mentor.unknown-province");
    }

    [Fact]
    public async Task Only_an_account_with_the_mentor_role_is_linked()
    {
        var client = await api.AdminClientAsync("en");
        var officer = await UserIdAsync(await api.CreateStaffAsync(StaffRoles.Officer, "02.381"));
        var mentorAccount = await UserIdAsync(await api.CreateStaffAsync(Roles.Mentor, "02.381"));

        var refused = await client.PostAsJsonAsync("/api/v1/mentors", MentoringApi.Mentor(staffUserId: officer));
        var accepted = await client.PostAsJsonAsync("/api/v1/mentors", MentoringApi.Mentor(staffUserId: mentorAccount));
        var twice = await client.PostAsJsonAsync("/api/v1/mentors", MentoringApi.Mentor(staffUserId: mentorAccount));

        (await ProblemDocument.ReadAsync(refused)).Code.Should().Be("mentor.account-not-a-mentor");
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsJsonAsync("/api/v1/mentors", new { name = "", email = "nope", phone = "abc", language = "en", provinces = Array.Empty<string>(), capacity = 0 });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKeys("name", "email", "phone", "language", "provinces", "capacity");
    }

    [Fact]
    public async Task A_mentor_may_not_register_mentors()
    {
        var mentor = await api.ClientForAsync(await api.CreateStaffAsync(Roles.Mentor, "02.381"));

        var response = await mentor.PostAsJsonAsync("/api/v1/mentors", MentoringApi.Mentor());

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Personal_data_never_reaches_the_logs()
    {
        var client = await api.AdminClientAsync();
        var email = $"secret.{Guid.NewGuid():N}@example.ma";

        await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(name: "Nom Très Secret", email: email));

        string.Join("\n", api.Logs.Lines).Should().NotContain(email).And.NotContain("Nom Très Secret");
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }
}
