using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Security;
using IntegrationTests.Applicants;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Mentoring;

public sealed class TrainingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Session(int capacity = 2, string commune = "02.381.01.05", string startsOn = "2026-12-08", string endsOn = "2026-12-09") => new
    {
        topic = "Accounting",
        title = "Tenir sa comptabilité simplifiée",
        trainer = "ATPE Nador",
        startsOn,
        endsOn,
        communeCode = commune,
        venue = "Maison des jeunes",
        capacity,
    };

    [Fact]
    public async Task A_session_takes_enrolments_up_to_its_capacity_and_records_attendance()
    {
        var client = await api.AdminClientAsync("en");
        var created = await client.PostAsJsonAsync("/api/v1/trainings", Session());
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var training = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (first, second, third) = (await ApplicationData.PersonAsync(client), await ApplicationData.PersonAsync(client), await ApplicationData.PersonAsync(client));

        (await client.PostAsJsonAsync($"/api/v1/trainings/{training}/enrolments", new { personId = first })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ProblemDocument.ReadAsync(await client.PostAsJsonAsync($"/api/v1/trainings/{training}/enrolments", new { personId = first }))).Code
            .Should().Be("training.already-enrolled");
        (await client.PostAsJsonAsync($"/api/v1/trainings/{training}/enrolments", new { personId = second })).EnsureSuccessStatusCode();
        (await ProblemDocument.ReadAsync(await client.PostAsJsonAsync($"/api/v1/trainings/{training}/enrolments", new { personId = third }))).Code
            .Should().Be("training.full");
        (await ProblemDocument.ReadAsync(await client.PostAsJsonAsync($"/api/v1/trainings/{training}/attendance", new { personId = third, attended = true }))).Code
            .Should().Be("training.not-enrolled");

        var attended = await client.PostAsJsonAsync($"/api/v1/trainings/{training}/attendance", new { personId = first, attended = true });

        var session = await attended.Content.ReadFromJsonAsync<JsonElement>();
        session.GetProperty("provinceCode").GetString().Should().Be("02.381");
        session.GetProperty("enrolments").EnumerateArray().Select(e => (e.GetProperty("personId").GetGuid(), e.GetProperty("attended").ValueKind))
            .Should().Equal((first, JsonValueKind.True), (second, JsonValueKind.Null));
        var record = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/participants/{first}")).EnumerateArray().ToList();
        record.Should().ContainSingle().Which.GetProperty("attended").GetBoolean().Should().BeTrue();
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/trainings?topic=Accounting&provinceCode=02.381")).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("id").GetGuid()).Should().Contain(training);
    }

    [Fact]
    public async Task A_session_ending_before_it_starts_or_in_an_unknown_commune_is_refused()
    {
        var client = await api.AdminClientAsync("en");

        var backwards = await client.PostAsJsonAsync("/api/v1/trainings", Session(startsOn: "2026-12-09", endsOn: "2026-12-08"));
        var nowhere = await client.PostAsJsonAsync("/api/v1/trainings", Session(commune: "99.999.99.99"));

        (await ProblemDocument.ReadAsync(backwards)).Errors.Should().ContainKey("endsOn");
        (await ProblemDocument.ReadAsync(nowhere)).Code.Should().Be("training.unknown-commune");
    }

    [Fact]
    public async Task An_officer_plans_and_sees_sessions_of_his_provinces_only()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(Roles.Officer, "03.531"));

        (await officer.PostAsJsonAsync("/api/v1/trainings", Session(commune: "02.381.01.05"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/v1/trainings", Session(commune: "03.531.01.01"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/trainings?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("provinceCode").GetString()).Should().AllBe("03.531");
    }

    [Fact]
    public async Task Only_a_registered_project_holder_is_enrolled_and_a_merged_record_counts_as_the_one_it_was_merged_into()
    {
        var client = await api.AdminClientAsync("en");
        var training = (await (await client.PostAsJsonAsync("/api/v1/trainings", Session(capacity: 5))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var unknown = await client.PostAsJsonAsync($"/api/v1/trainings/{training}/enrolments", new { personId = Guid.NewGuid() });
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(unknown)).Code.Should().Be("training.unknown-person");
        (await client.GetAsync($"/api/v1/trainings/participants/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var (kept, later) = await MergedPairAsync(client);
        (await client.PostAsJsonAsync($"/api/v1/trainings/{training}/enrolments", new { personId = later })).EnsureSuccessStatusCode();
        (await ProblemDocument.ReadAsync(await client.PostAsJsonAsync($"/api/v1/trainings/{training}/enrolments", new { personId = kept }))).Code
            .Should().Be("training.already-enrolled");
        var attended = await client.PostAsJsonAsync($"/api/v1/trainings/{training}/attendance", new { personId = later, attended = true });

        (await attended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enrolments").EnumerateArray()
            .Should().ContainSingle().Which.GetProperty("personId").GetGuid().Should().Be(kept);
        foreach (var asked in new[] { kept, later })
        {
            var record = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/participants/{asked}")).EnumerateArray().ToList();
            record.Should().ContainSingle().Which.GetProperty("attended").GetBoolean().Should().BeTrue();
        }
    }

    private static async Task<(Guid Kept, Guid Later)> MergedPairAsync(HttpClient client)
    {
        var person = ApplicationData.Person();
        person["firstName"] = "Abdelkader";
        person["lastName"] = "Tahiri";
        person["birthDate"] = "1979-11-23";
        var kept = await ApplicationData.PersonAsync(client, person);
        var twin = ApplicationData.Person();
        twin["firstName"] = "Abd El Kader";
        twin["lastName"] = "Tahiri";
        twin["birthDate"] = "1979-11-23";
        var response = await client.PostAsJsonAsync("/api/v1/applicants", twin);
        var later = await response.Content.ReadFromJsonAsync<JsonElement>();
        var candidate = later.GetProperty("possibleDuplicates")[0].GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/v1/duplicates/{candidate}/merge", null)).EnsureSuccessStatusCode();
        return (kept, later.GetProperty("id").GetGuid());
    }
}
