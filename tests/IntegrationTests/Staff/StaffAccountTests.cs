using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Staff;

/// <summary>Administrators create and manage staff accounts; everyone else reads at most his own.</summary>
public sealed class StaffAccountTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_account_gets_a_link_in_its_language_and_the_password_chosen_with_it_signs_in()
    {
        var admin = await api.AdminClientAsync();
        var created = await StaffApi.CreateAsync(admin, StaffApi.Account("Officer", ["03.531", "12.391"], "ar"));
        var email = created.GetProperty("email").GetString()!;

        created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Officer");
        created.GetProperty("provinces").EnumerateArray().Select(r => r.GetString()).Should().Equal("03.531", "12.391");
        created.GetProperty("displayNameAr").GetString().Should().Be("نادية الإدريسي");
        created.GetProperty("active").GetBoolean().Should().BeTrue();
        created.GetProperty("hasPassword").GetBoolean().Should().BeFalse();
        var mail = (await Eventually.Until(() => StaffApi.MailsToAsync(api, email), m => m.Count == 1))[0];
        mail.Subject.Should().Be("حسابك في برامج الأنشطة المدرة للدخل");

        var officer = await StaffApi.ActivateAsync(api, email);

        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("email").GetString().Should().Be(email);
        me.GetProperty("preferredLanguage").GetString().Should().Be("ar");
        me.GetProperty("provinces").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task The_bootstrap_administrator_has_a_creation_date()
    {
        var me = await (await api.AdminClientAsync()).GetFromJsonAsync<JsonElement>("/api/v1/me");

        me.GetProperty("createdOn").GetDateTimeOffset().Year.Should().BeGreaterThan(2000);
    }

    [Fact]
    public async Task The_emailed_token_works_once()
    {
        var admin = await api.AdminClientAsync();
        var email = (await StaffApi.CreateAsync(admin, StaffApi.Account("Auditor"))).GetProperty("email").GetString()!;
        var token = await StaffApi.LastTokenAsync(api, email);
        var anonymous = api.CreateClient();
        anonymous.DefaultRequestHeaders.Add("Accept-Language", "en");

        (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { email, token, newPassword = "Une phrase assez longue 2026" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { email, token, newPassword = "Une autre phrase longue 2027" });

        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await ProblemDocument.ReadAsync(again);
        problem.Code.Should().Be("password.invalid-link");
        problem.Detail.Should().Contain("already used or expired");
    }

    [Fact]
    public async Task The_list_is_paged_sorted_and_filtered_by_role_province_status_and_text()
    {
        var admin = await api.AdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var tanger = await StaffApi.CreateAsync(admin, StaffApi.Account("Officer", ["01.511"], email: $"a.{marker}@tests.local"));
        await StaffApi.CreateAsync(admin, StaffApi.Account("Officer", ["03.531"], email: $"b.{marker}@tests.local"));
        var mentor = await StaffApi.CreateAsync(admin, StaffApi.Account("Mentor", email: $"c.{marker}@tests.local"));
        (await admin.PostAsync($"/api/v1/users/{mentor.GetProperty("id")}/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var byText = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={marker}&sort=-email&pageSize=2");
        byText.GetProperty("totalCount").GetInt32().Should().Be(3);
        byText.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString()).Should().Equal($"c.{marker}@tests.local", $"b.{marker}@tests.local");

        var byProvince = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={marker}&province=01.511&role=Officer");
        byProvince.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal(tanger.GetProperty("id").GetString());

        var inactive = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={marker}&active=false");
        inactive.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal(mentor.GetProperty("id").GetString());

        (await admin.GetAsync("/api/v1/users?sort=password")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/users?role=Janitor")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_change_with_a_stale_version_is_409_and_changes_nothing()
    {
        var admin = await api.AdminClientAsync();
        var account = await StaffApi.CreateAsync(admin, StaffApi.Account("Officer"));
        var id = account.GetProperty("id").GetString();
        var version = account.GetProperty("version").GetUInt32();
        var email = account.GetProperty("email").GetString();

        var first = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { email, displayName = "Nadia", roles = new[] { "Officer" }, provinces = new[] { "03.531" }, preferredLanguage = "en", version });
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("preferredLanguage").GetString().Should().Be("en");

        var stale = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { email, displayName = "Other", roles = new[] { "Officer" }, provinces = new[] { "03.531" }, version });

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(stale)).Code.Should().Be("concurrency");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}")).GetProperty("displayName").GetString().Should().Be("Nadia");
    }

    [Fact]
    public async Task Bad_input_is_a_problem_document_in_the_callers_language()
    {
        var admin = await api.AdminClientAsync("en");
        var existing = await StaffApi.CreateAsync(admin, StaffApi.Account("Auditor"));

        var duplicate = await admin.PostAsJsonAsync("/api/v1/users", StaffApi.Account("Auditor", email: existing.GetProperty("email").GetString()!.ToUpperInvariant()));
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(duplicate)).Detail.Should().Be("Another staff account already uses this email address.");

        var malformed = await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", displayName = "X", roles = new[] { "Janitor" } });
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var officerWithoutProvince = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"x.{Guid.NewGuid():N}@tests.local", displayName = "X", roles = new[] { "Officer" }, provinces = Array.Empty<string>() });
        officerWithoutProvince.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(officerWithoutProvince)).Errors!["provinces"].Should().Contain("An Officer works on at least one province.");

        var badProvince = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"y.{Guid.NewGuid():N}@tests.local", displayName = "X", roles = new[] { "Officer" }, provinces = new[] { "Taounate" } });
        badProvince.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(badProvince)).Errors!.Keys.Should().Contain(k => k.StartsWith("provinces", StringComparison.Ordinal));

        // Well shaped, but no such province in the reference geography (Applicants' Contracts).
        var unknownProvince = await admin.PostAsJsonAsync("/api/v1/users", StaffApi.Account("Officer", provinces: ["03.531", "99.999"]));
        unknownProvince.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(unknownProvince)).Errors!.Should().ContainKey("provinces");
    }

    [Fact]
    public async Task An_officer_cannot_create_accounts_an_auditor_changes_nothing_and_a_mentor_sees_only_his_own()
    {
        var admin = await api.AdminClientAsync();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        var auditor = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Auditor));
        var other = await StaffApi.CreateAsync(admin, StaffApi.Account("Officer"));
        var mentorAccount = await StaffApi.CreateAsync(admin, StaffApi.Account("Mentor"));
        var mentor = await StaffApi.ActivateAsync(api, mentorAccount.GetProperty("email").GetString()!);

        (await officer.PostAsJsonAsync("/api/v1/users", StaffApi.Account("Admin"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await auditor.PostAsJsonAsync("/api/v1/users", StaffApi.Account("Admin"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await auditor.PostAsync($"/api/v1/users/{other.GetProperty("id")}/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await auditor.GetAsync($"/api/v1/users/{other.GetProperty("id")}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var seen = await mentor.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=200");
        seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal(mentorAccount.GetProperty("id").GetString());
        (await mentor.GetAsync($"/api/v1/users/{other.GetProperty("id")}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await mentor.GetAsync($"/api/v1/users/{mentorAccount.GetProperty("id")}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_deactivated_nor_demoted()
    {
        await using var own = new ApiFactory();
        var admin = await own.AdminClientAsync("en");
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var id = me.GetProperty("id").GetString();

        var deactivated = await admin.PostAsync($"/api/v1/users/{id}/deactivate", null);
        deactivated.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(deactivated)).Code.Should().Be("staff.last-admin");

        var demoted = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { email = ApiFactory.AdminEmail, displayName = "Administrator", roles = new[] { "Auditor" }, version = me.GetProperty("version").GetUInt32() });
        demoted.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        // With a second administrator, the first may step down.
        var second = await StaffApi.CreateAsync(admin, StaffApi.Account("Admin"));
        second.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Admin");
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { email = ApiFactory.AdminEmail, displayName = "Administrator", roles = new[] { "Auditor" }, version = me.GetProperty("version").GetUInt32() }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Failed_sign_ins_show_to_the_admin_who_can_lift_their_slowdown()
    {
        var admin = await api.AdminClientAsync();
        var email = await api.CreateStaffAsync(StaffRoles.Officer, "03.531");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong!Passw0rd" });
        }

        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={Uri.EscapeDataString(email)}");
        var account = found.GetProperty("items")[0];
        // Failures never lock (issue 19): they slow the account down, which the Admin sees and lifts.
        account.GetProperty("lockedOutUntil").ValueKind.Should().Be(JsonValueKind.Null);
        account.GetProperty("failedSignIns").GetInt32().Should().Be(5);

        var unlocked = await admin.PostAsync($"/api/v1/users/{account.GetProperty("id")}/unlock", null);

        unlocked.StatusCode.Should().Be(HttpStatusCode.OK);
        var lifted = await unlocked.Content.ReadFromJsonAsync<JsonElement>();
        lifted.GetProperty("lockedOutUntil").ValueKind.Should().Be(JsonValueKind.Null);
        lifted.GetProperty("failedSignIns").GetInt32().Should().Be(0);
        (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_problem_document_is_in_the_accounts_language_when_the_request_names_none()
    {
        var admin = await api.AdminClientAsync();
        var created = await StaffApi.CreateAsync(admin, StaffApi.Account("Auditor", language: "en"));
        var auditor = await StaffApi.ActivateAsync(api, created.GetProperty("email").GetString()!);

        var english = await auditor.GetAsync("/api/v1/users?sort=password");
        (await ProblemDocument.ReadAsync(english)).Errors!["sort"].Should().ContainSingle().Which.Should().StartWith("Unknown sort field");

        using var french = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users?sort=password");
        french.Headers.AcceptLanguage.ParseAdd("fr");
        var asked = await auditor.SendAsync(french);
        (await ProblemDocument.ReadAsync(asked)).Errors!["sort"].Should().ContainSingle().Which.Should().StartWith("Champ de tri inconnu");
    }
}
