using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using IntegrationTests.Partnerships;

namespace IntegrationTests.Applicants;

/// <summary>
/// Partner referrals through the partner's own key: the person registered (or found by CIN), the
/// application filed in the partner's name, only where the partner acts, idempotent, isolated.
/// </summary>
public sealed class ReferralTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Taounate = "03.531";
    private const string TaounateCommune = "03.531.01.01";

    [Fact]
    public async Task A_referral_registers_the_person_and_files_the_application_in_the_partners_name_and_the_partner_follows_it()
    {
        var admin = await api.AdminClientAsync("en");
        var programme = await ApplicationData.OpenProgrammeAsync(admin);
        var partner = await PartnerAsync(admin, Taounate);
        var system = await api.PartnerSystemAsync(admin, partner, "referrals:write", "status:read");
        var person = ApplicationData.Person();

        var response = await system.PostAsJsonAsync("/api/v1/partner/referrals", Referral(person, programme));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var referral = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = referral.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/partner/referrals/{id}");
        referral.GetProperty("stage").GetString().Should().Be("Submitted");
        referral.GetProperty("requestedAmount").GetDecimal().Should().Be(40_000.00m);
        referral.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("toStage").GetString()).Should().Equal("Submitted");
        referral.ToString().Should().NotContain((string)person["cin"]!, "nothing personal comes back");

        // Staff see it as a partner referral, filed by the partner's system, held by a new person.
        var application = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        application.GetProperty("channel").GetString().Should().Be("PartnerReferral");
        application.GetProperty("referringPartnerId").GetGuid().Should().Be(partner);
        var holder = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applicants/{application.GetProperty("holderId").GetGuid()}");
        holder.GetProperty("cin").GetString().Should().Be((string)person["cin"]!);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/history");
        history[0].GetProperty("actorKind").GetString().Should().Be("Partner");
        history[0].GetProperty("actorId").GetGuid().Should().Be(partner);

        // The stage change reaches the partner's status feed through the events.
        await Eventually.Until(
            async () => (await system.GetAsync($"/api/v1/partner/projects/{id}")).StatusCode,
            status => status == HttpStatusCode.OK);
        var own = await system.GetFromJsonAsync<JsonElement>("/api/v1/partner/referrals");
        own.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Equal(id);
    }

    [Fact]
    public async Task A_known_CIN_keeps_its_record_and_a_CIN_recorded_under_other_names_is_refused_without_a_trace()
    {
        var admin = await api.AdminClientAsync("en");
        var programme = await ApplicationData.OpenProgrammeAsync(admin);
        var system = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, Taounate), "referrals:write");
        var person = ApplicationData.Person();
        var known = await ApplicationData.PersonAsync(admin, person);

        // Another spelling and another phone: the same person, whose record staff keep as it is.
        var respelled = new Dictionary<string, object?>(person) { ["lastName"] = "Benkiran", ["phone"] = "0522 44 55 66" };
        var response = await system.PostAsJsonAsync("/api/v1/partner/referrals", Referral(respelled, programme));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("holderId").GetGuid().Should().Be(known);
        var record = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applicants/{known}");
        record.GetProperty("lastName").GetString().Should().Be("Benkirane");
        record.GetProperty("phone").GetString().Should().Be("+212670112233");

        var persons = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.persons");
        var applications = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.applications");
        var someoneElse = new Dictionary<string, object?>(person) { ["firstName"] = "Mohamed", ["lastName"] = "Ouazzani", ["sex"] = "Male" };
        var refused = await system.PostAsJsonAsync("/api/v1/partner/referrals", Referral(someoneElse, programme));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ProblemDocument.ReadAsync(refused);
        problem.Code.Should().Be("referral.cin-of-another-person");
        problem.Existing.Should().BeNull("a partner never learns whose CIN it is");
        refused.Headers.Location.Should().BeNull();
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.persons")).Should().Be(persons);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.applications")).Should().Be(applications);
    }

    [Fact]
    public async Task A_partner_refers_only_where_it_acts_and_a_national_organisation_acts_everywhere()
    {
        var admin = await api.AdminClientAsync("en");
        var programme = await ApplicationData.OpenProgrammeAsync(admin);
        var nador = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, "02.381"), "referrals:write");
        var nadorActingInTaounate = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, "02.381", Taounate), "referrals:write");
        var national = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, null), "referrals:write");
        var persons = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.persons");

        var outside = await nador.PostAsJsonAsync("/api/v1/partner/referrals", Referral(ApplicationData.Person(), programme));

        outside.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await ProblemDocument.ReadAsync(outside);
        problem.Code.Should().Be("referral.outside-partner-provinces");
        problem.Detail.Should().Contain(Taounate);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.persons")).Should().Be(persons, "nothing is left half-written");

        // A person living in Nador with a project in Taounate: the project's province is outside too.
        var fromNador = await nador.PostAsJsonAsync("/api/v1/partner/referrals", Referral(ApplicationData.Person(commune: "02.381.01.01"), programme));
        fromNador.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(fromNador)).Detail.Should().Contain("project.communeCode");

        (await nadorActingInTaounate.PostAsJsonAsync("/api/v1/partner/referrals", Referral(ApplicationData.Person(), programme))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await national.PostAsJsonAsync("/api/v1/partner/referrals", Referral(ApplicationData.Person(), programme))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_first_answer_and_creates_nothing_more_and_another_body_is_refused()
    {
        var admin = await api.AdminClientAsync("en");
        var programme = await ApplicationData.OpenProgrammeAsync(admin);
        var system = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, Taounate), "referrals:write");
        var body = Referral(ApplicationData.Person(), programme);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(system, key, body);
        var again = await PostAsync(system, key, body);

        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        again.Headers.Should().Contain(h => h.Key == "Idempotent-Replayed");
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().Should().Be(id);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.applications WHERE programme_id = '{programme}'")).Should().Be(1);

        var other = await PostAsync(system, key, Referral(ApplicationData.Person(), programme));
        other.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.applications WHERE programme_id = '{programme}'")).Should().Be(1);
    }

    [Fact]
    public async Task A_partner_reads_its_own_referrals_only_and_a_key_without_the_scope_reads_none()
    {
        var admin = await api.AdminClientAsync("en");
        var programme = await ApplicationData.OpenProgrammeAsync(admin);
        var a = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, Taounate), "referrals:write");
        var b = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, Taounate), "referrals:write");
        var statusOnly = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, Taounate), "status:read");
        var ofA = await ReferAsync(a, programme);
        var ofB = await ReferAsync(b, programme);

        (await b.GetAsync($"/api/v1/partner/referrals/{ofA}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.GetFromJsonAsync<JsonElement>($"/api/v1/partner/referrals/{ofA}")).GetProperty("id").GetGuid().Should().Be(ofA);
        (await b.GetFromJsonAsync<JsonElement>($"/api/v1/partner/referrals?programmeId={programme}&stage=Submitted")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetGuid()).Should().Equal(ofB);
        (await statusOnly.GetAsync("/api/v1/partner/referrals")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await statusOnly.PostAsJsonAsync("/api/v1/partner/referrals", Referral(ApplicationData.Person(), programme))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/partner/referrals")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "staff use /api/v1/applications");
    }

    [Fact]
    public async Task Bad_input_names_the_nested_field_in_the_callers_language_and_leaves_no_row()
    {
        var admin = await api.AdminClientAsync("en");
        var programme = await ApplicationData.OpenProgrammeAsync(admin);
        var system = await api.PartnerSystemAsync(admin, await PartnerAsync(admin, Taounate), "referrals:write");
        system.DefaultRequestHeaders.Add("Accept-Language", "ar");
        var persons = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.persons");

        var person = ApplicationData.Person();
        person["cin"] = "123";
        var body = Referral(person, programme);
        ((Dictionary<string, object?>)body["project"]!)["requestedAmount"] = -5m;
        var response = await system.PostAsJsonAsync("/api/v1/partner/referrals", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors!.Keys.Should().Contain(["person.cin", "project.requestedAmount"]);
        problem.Errors["person.cin"][0].Should().Contain("البطاقة الوطنية");

        var unknownCommune = Referral(ApplicationData.Person(commune: "03.531.99.99"), programme);
        (await ProblemDocument.ReadAsync(await system.PostAsJsonAsync("/api/v1/partner/referrals", unknownCommune))).Errors!.Keys.Should().Contain("person.communeCode");
        (await ProblemDocument.ReadAsync(await system.PostAsJsonAsync("/api/v1/partner/referrals", new { project = body["project"] }))).Errors!.Keys.Should().Contain("person");
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.persons")).Should().Be(persons);
    }

    private static Dictionary<string, object?> Referral(Dictionary<string, object?> person, Guid programme) => new()
    {
        ["person"] = person,
        ["project"] = new Dictionary<string, object?>
        {
            ["programmeId"] = programme,
            ["title"] = "Atelier de couture",
            ["sector"] = "Crafts",
            ["communeCode"] = TaounateCommune,
            ["description"] = "Deux machines à coudre et le tissu de trois mois.",
            ["estimatedTotalCost"] = 48_000.00m,
            ["requestedAmount"] = 40_000.00m,
            ["ownContribution"] = 8_000.00m,
            ["expectedJobs"] = 2,
        },
    };

    private static async Task<Guid> ReferAsync(HttpClient system, Guid programme)
    {
        var response = await system.PostAsJsonAsync("/api/v1/partner/referrals", Referral(ApplicationData.Person(), programme));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partner/referrals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<Guid> PartnerAsync(HttpClient admin, string? province, params string[] provincesOfAction)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/partners", new
        {
            name = Data.UniqueName("Association Tanmia"),
            type = province is null ? "PublicAgency" : "Association",
            provinceCode = province,
            provincesOfAction,
        });
        response.EnsureSuccessStatusCode();
        return ConventionTests.Id(await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
