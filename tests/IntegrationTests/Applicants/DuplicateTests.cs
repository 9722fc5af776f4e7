using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Applicants;

/// <summary>Likely duplicates under another spelling: found on registration, listed, merged or dismissed by staff.</summary>
public sealed class DuplicateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static int _cin = Random.Shared.Next(100_000, 900_000);

    private static string UniqueCin() => $"DU{Interlocked.Increment(ref _cin)}";

    private static Dictionary<string, object?> Person(
        string? firstName, string? lastName, string? firstNameAr, string? lastNameAr, string birthDate, string commune = "03.531.01.01") => new()
    {
        ["cin"] = UniqueCin(),
        ["firstName"] = firstName,
        ["lastName"] = lastName,
        ["firstNameAr"] = firstNameAr,
        ["lastNameAr"] = lastNameAr,
        ["sex"] = "Male",
        ["birthDate"] = birthDate,
        ["phone"] = "06 61 23 45 67",
        ["communeCode"] = commune,
        ["educationLevel"] = "LowerSecondary",
        ["householdSize"] = 4,
        ["disability"] = "None",
        ["categories"] = new[] { "RuralYouth" },
        ["employmentStatus"] = "Unemployed",
        ["consentedOn"] = "2026-11-20",
    };

    private static async Task<JsonElement> RegisterAsync(HttpClient client, Dictionary<string, object?> person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/applicants", person);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static async Task<List<JsonElement>> OpenDuplicatesAsync(HttpClient client, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates?pageSize=100{query}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Correcting_a_person_into_a_likely_duplicate_records_the_pair_once_and_a_dismissed_pair_stays_dismissed()
    {
        var client = await api.AdminClientAsync();
        var first = await RegisterAsync(client, Person("Abdelilah", "Berrada", "عبد الإله", "برادة", "1979-08-02"));
        var correction = Person("Yahya", "Chentouf", "يحيى", "شنتوف", "1979-08-02");
        var second = await RegisterAsync(client, correction);
        second.GetProperty("possibleDuplicates").EnumerateArray().Should().BeEmpty();

        correction["firstName"] = "Abdelilah";
        correction["lastName"] = "Berada";
        correction["firstNameAr"] = "عبد الاله";
        correction["lastNameAr"] = "براده";
        correction["version"] = second.GetProperty("version").GetUInt32();
        var corrected = await client.PutAsJsonAsync($"/api/v1/applicants/{Id(second)}", correction);
        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("possibleDuplicates").EnumerateArray().Select(d => d.GetProperty("personId").GetGuid()).Should().Equal(Id(first));
        var pair = (await OpenDuplicatesAsync(client)).Should().ContainSingle(d => d.GetProperty("person").GetProperty("id").GetGuid() == Id(second)).Subject;
        (await client.PostAsync($"/api/v1/duplicates/{pair.GetProperty("id").GetGuid()}/dismiss", null)).IsSuccessStatusCode.Should().BeTrue();

        correction["householdSize"] = 5;
        correction["version"] = body.GetProperty("version").GetUInt32();
        var again = await client.PutAsJsonAsync($"/api/v1/applicants/{Id(second)}", correction);

        again.StatusCode.Should().Be(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        (await OpenDuplicatesAsync(client)).Should().NotContain(d => d.GetProperty("person").GetProperty("id").GetGuid() == Id(second));
    }

    [Fact]
    public async Task Registering_someone_already_known_under_another_spelling_succeeds_and_answers_the_likely_duplicate()
    {
        var client = await api.AdminClientAsync();
        var first = await RegisterAsync(client, Person("Mohammed", "El Ouazzani", "محمد", "الوزاني", "1987-03-14"));

        var second = await RegisterAsync(client, Person("Mohamed", "Wazani", "مُحمّد", "الوزانى", "1987-03-14"));
        var unrelated = await RegisterAsync(client, Person("Hassan", "Ouazzani", "حسن", "الوزاني", "1987-03-14"));

        var candidates = second.GetProperty("possibleDuplicates").EnumerateArray().ToList();
        candidates.Should().ContainSingle();
        candidates[0].GetProperty("personId").GetGuid().Should().Be(Id(first));
        candidates[0].GetProperty("score").GetInt32().Should().BeGreaterThanOrEqualTo(75);
        candidates[0].GetProperty("sameBirthDate").GetBoolean().Should().BeTrue();
        unrelated.GetProperty("possibleDuplicates").EnumerateArray().Should().BeEmpty();

        var open = await OpenDuplicatesAsync(client);
        var listed = open.Should().ContainSingle(d => d.GetProperty("person").GetProperty("id").GetGuid() == Id(second)).Subject;
        listed.GetProperty("match").GetProperty("id").GetGuid().Should().Be(Id(first));
        listed.GetProperty("status").GetString().Should().Be("Open");
        listed.GetProperty("id").GetGuid().Should().Be(candidates[0].GetProperty("id").GetGuid());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/applicants/{Id(second)}");
        read.GetProperty("possibleDuplicates").EnumerateArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_duplicate_born_on_a_day_shared_by_hundreds_elsewhere_is_still_found()
    {
        var client = await api.AdminClientAsync();
        // Six hundred namesakes of the first name, born the same day in another province (1 January:
        // the date many older persons were registered with), stored before the real duplicate so
        // that a scan in physical order meets them first.
        var template = Id(await RegisterAsync(client, Person("Mohamed", "Filali", null, null, "1958-01-01", "02.381.01.01")));
        var columns = (await api.ScalarAsync<string>(
            "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns " +
            "WHERE table_schema = 'applicants' AND table_name = 'persons' AND is_generated = 'NEVER'"))!.Split(',');
        var suffix = "chr(97 + n % 26) || chr(97 + n / 26 % 26)";
        var filler = new Dictionary<string, string>
        {
            ["id"] = "gen_random_uuid()",
            ["cin"] = "'FL' || n",
            ["last_name"] = $"'Filali' || {suffix}",
            ["name_key"] = $"'muhamedfilali' || {suffix}",
            ["name_tokens"] = $"ARRAY['muhamed', 'filali' || {suffix}, '~muhamedfilali' || {suffix}]",
        };
        await api.ExecuteAsync(
            $"INSERT INTO applicants.persons ({string.Join(", ", columns)}) " +
            $"SELECT {string.Join(", ", columns.Select(c => filler.GetValueOrDefault(c, c)))} " +
            $"FROM applicants.persons CROSS JOIN generate_series(1, 600) AS n WHERE id = '{template}'");
        var known = await RegisterAsync(client, Person("Mohamed", "Zerhouni", "محمد", "الزرهوني", "1958-01-01", "04.291.01.01"));

        var again = await RegisterAsync(client, Person("Mohammed", "Zerhouni", "محمد", "الزرهوني", "1958-01-01", "03.531.01.01"));

        again.GetProperty("possibleDuplicates").EnumerateArray().Select(d => d.GetProperty("personId").GetGuid()).Should().Contain(Id(known));
    }

    [Fact]
    public async Task A_dismissed_candidate_leaves_the_open_list_and_cannot_be_resolved_twice()
    {
        var client = await api.AdminClientAsync();
        await RegisterAsync(client, Person("Youssef", "Benjelloun", null, null, "1990-06-02"));
        var second = await RegisterAsync(client, Person("Yousef", "Ben Jelloun", null, null, "1990-06-02"));
        var candidate = second.GetProperty("possibleDuplicates")[0].GetProperty("id").GetGuid();

        var dismissed = await client.PostAsync($"/api/v1/duplicates/{candidate}/dismiss", null);

        dismissed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await dismissed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Dismissed");
        (await OpenDuplicatesAsync(client)).Should().NotContain(d => d.GetProperty("id").GetGuid() == candidate);
        (await OpenDuplicatesAsync(client, "&status=Dismissed")).Should().Contain(d => d.GetProperty("id").GetGuid() == candidate);
        var again = await client.PostAsync($"/api/v1/duplicates/{candidate}/merge", null);
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(again)).Code.Should().Be("duplicate.already-resolved");
        (await client.PostAsync($"/api/v1/duplicates/{Guid.NewGuid()}/dismiss", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Merging_keeps_the_earlier_registration_and_retires_the_later_one()
    {
        var client = await api.AdminClientAsync();
        var kept = await RegisterAsync(client, Person("Abdelkader", "Tahiri", "عبد القادر", "الطاهري", "1979-11-23"));
        var later = await RegisterAsync(client, Person("Abd El Kader", "Tahiri", "عبدالقادر", "الطاهري", "1979-11-23"));
        var candidate = later.GetProperty("possibleDuplicates")[0].GetProperty("id").GetGuid();

        var merged = await client.PostAsync($"/api/v1/duplicates/{candidate}/merge", null);

        merged.StatusCode.Should().Be(HttpStatusCode.OK);
        (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Merged");
        var retired = await client.GetFromJsonAsync<JsonElement>($"/api/v1/applicants/{Id(later)}");
        retired.GetProperty("mergedIntoId").GetGuid().Should().Be(Id(kept));
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/applicants/{Id(kept)}")).GetProperty("mergedIntoId").ValueKind.Should().Be(JsonValueKind.Null);
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/applicants?q=tahiri&pageSize=100");
        found.GetProperty("items").EnumerateArray().Select(Id).Should().Contain(Id(kept)).And.NotContain(Id(later));
        (await client.PostAsync($"/api/v1/duplicates/{candidate}/dismiss", null)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_officer_sees_and_resolves_only_candidates_of_his_provinces_and_learns_nothing_of_persons_elsewhere()
    {
        var admin = await api.AdminClientAsync();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        // Known in Nador; registered again, under another spelling, in Khemisset by the officer.
        await RegisterAsync(admin, Person("Mustapha", "Chraibi", null, null, "1985-02-09", commune: "02.381.01.01"));
        var byOfficer = await RegisterAsync(officer, Person("Moustapha", "Chraibi", null, null, "1985-02-09"));
        // Known in Khemisset; registered again in Nador by the admin.
        await RegisterAsync(admin, Person("Rachid", "Naciri", null, null, "1983-08-30"));
        var inNador = await RegisterAsync(admin, Person("Rachyd", "Naciri", null, null, "1983-08-30", commune: "02.381.01.01"));

        byOfficer.GetProperty("possibleDuplicates").EnumerateArray().Should().BeEmpty("the match lives in a province the officer cannot read");
        var nadorCandidate = inNador.GetProperty("possibleDuplicates").EnumerateArray().Should().ContainSingle().Subject.GetProperty("id").GetGuid();
        (await OpenDuplicatesAsync(admin)).Should().Contain(d => d.GetProperty("person").GetProperty("id").GetGuid() == Id(byOfficer));
        var officerList = await OpenDuplicatesAsync(officer);
        officerList.Should().NotContain(d => d.GetProperty("person").GetProperty("id").GetGuid() == Id(byOfficer));
        officerList.Should().NotContain(d => d.GetProperty("id").GetGuid() == nadorCandidate);
        (await officer.PostAsync($"/api/v1/duplicates/{nadorCandidate}/dismiss", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
