using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests;

/// <summary>Who may read and change what: the Officer's provinces, the Auditor's read-only role, partner isolation.</summary>
public sealed class AccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Taounate = "03.531";
    private const string Nador = "02.381";

    [Fact]
    public async Task An_officer_registers_partners_of_his_provinces_only()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Taounate));
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.partners");

        var own = await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: Taounate));
        var other = await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: Nador));
        var national = await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "PublicAgency"));

        own.StatusCode.Should().Be(HttpStatusCode.Created);
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        national.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ProblemDocument.ReadAsync(other)).Status.Should().Be(403);
        (await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.partners")).Should().Be(before + 1);
    }

    [Fact]
    public async Task An_officer_sees_national_partners_and_those_of_his_provinces_only()
    {
        var admin = await api.AdminClientAsync();
        var inNador = await Register(admin, Nador);
        var inTaounate = await Register(admin, Taounate);
        var national = await Register(admin, null);
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Taounate));

        var listed = await officer.GetFromJsonAsync<JsonElement>("/api/v1/partners?pageSize=200");
        var ids = listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();

        ids.Should().Contain(inTaounate).And.Contain(national).And.NotContain(inNador);
        listed.GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("provinceCode").GetString())
            .Should().OnlyContain(code => code == null || code == Taounate);
        (await officer.GetAsync($"/api/v1/partners/{inNador}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/api/v1/partners/{inTaounate}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_officer_cannot_move_a_partner_out_of_his_province()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Taounate));
        var created = await (await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: Taounate))).Content.ReadFromJsonAsync<JsonElement>();

        var moved = await officer.PutAsJsonAsync($"/api/v1/partners/{created.GetProperty("id").GetGuid()}", new
        {
            name = created.GetProperty("name").GetString(),
            type = "Association",
            provinceCode = Nador,
            version = created.GetProperty("version").GetUInt32(),
        });

        moved.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.ScalarAsync<string>($"SELECT province_code FROM partnerships.partners WHERE id = '{created.GetProperty("id").GetGuid()}'"))
            .Should().Be(Taounate);
    }

    [Fact]
    public async Task An_auditor_reads_everything_and_changes_nothing()
    {
        var admin = await api.AdminClientAsync();
        var inNador = await Register(admin, Nador);
        var auditor = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Auditor));

        (await auditor.GetAsync($"/api/v1/partners/{inNador}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await auditor.GetAsync("/api/v1/reports/partners")).StatusCode.Should().Be(HttpStatusCode.OK);
        var write = await auditor.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: Nador));

        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_an_admin_issues_partner_api_keys()
    {
        var admin = await api.AdminClientAsync();
        var partner = await Register(admin, Nador);
        var manager = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.ProgramManager));

        var response = await manager.PostAsJsonAsync($"/api/v1/partners/{partner}/api-keys", new { label = "bank system" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_an_admin_sees_and_retries_parked_messages()
    {
        var manager = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.ProgramManager));
        var admin = await api.AdminClientAsync();

        (await manager.GetAsync("/api/v1/admin/parked-messages")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await manager.PostAsJsonAsync($"/api/v1/admin/parked-messages/Reporting/{Guid.NewGuid()}/retry", new { handler = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/admin/parked-messages?pageSize=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync($"/api/v1/admin/parked-messages/Nowhere/{Guid.NewGuid()}/retry", new { handler = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_partner_system_reads_its_own_profile_with_its_key_and_nothing_else()
    {
        var admin = await api.AdminClientAsync();
        var partner = await Register(admin, Nador);
        var issued = await admin.PostAsJsonAsync($"/api/v1/partners/{partner}/api-keys", new { label = "ATPE information system" });
        issued.StatusCode.Should().Be(HttpStatusCode.Created);
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var system = api.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", key);

        var profile = await system.GetFromJsonAsync<JsonElement>("/api/v1/partner/profile");
        var staffEndpoint = await system.GetAsync("/api/v1/partners");

        profile.GetProperty("id").GetGuid().Should().Be(partner);
        staffEndpoint.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.partner_api_keys WHERE hash LIKE '%{key[3..]}%'")).Should().Be(0, "only the hash is stored");
    }

    [Fact]
    public async Task An_unknown_api_key_is_401_and_a_staff_token_is_refused_on_partner_endpoints()
    {
        var system = api.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", "pk_unknown");
        var admin = await api.AdminClientAsync();

        (await system.GetAsync("/api/v1/partner/profile")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/v1/partner/profile")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_name_taken_in_a_province_the_officer_cannot_read_is_409_without_the_records_id()
    {
        var admin = await api.AdminClientAsync();
        var name = Data.UniqueName("Association Al Amal");
        var taken = await admin.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, province: Nador));
        var id = (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Taounate), language: "en");

        var response = await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, province: Taounate));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Headers.Location.Should().BeNull();
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain(id.ToString()).And.NotContain(id.ToString("N"));
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Code.Should().Be("partner.name-taken");
        problem.Existing.Should().BeNull();
    }

    [Fact]
    public async Task A_name_taken_in_the_officers_own_province_is_409_pointing_at_the_record()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Taounate));
        var name = Data.UniqueName("Coopérative Tifaout");
        var id = await (await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, province: Taounate))).Content.ReadFromJsonAsync<JsonElement>();

        var response = await officer.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, province: Taounate));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(response)).Existing.Should().Be($"/api/v1/partners/{id.GetProperty("id").GetGuid()}");
    }

    private static async Task<Guid> Register(HttpClient client, string? province)
    {
        var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: province, type: province is null ? "PublicAgency" : "Association"));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
