using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using static IntegrationTests.Applicants.ApplicationData;

namespace IntegrationTests.Applicants;

/// <summary>Groups (cooperatives and associations) registered, read, corrected, searched and holding applications, through the API on the real database.</summary>
public sealed class GroupTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static int _number = Random.Shared.Next(1_000, 9_000);

    private static string UniqueNumber() => $"ODCO-{Interlocked.Increment(ref _number)}";

    private static Dictionary<string, object?> Group(string number, string commune, params (Guid Person, string Role)[] members) => new()
    {
        ["name"] = "Coopérative Nissae Zemmour",
        ["nameAr"] = "تعاونية نساء زمور",
        ["legalForm"] = "Cooperative",
        ["registrationNumber"] = number,
        ["createdOn"] = "2019-03-08",
        ["communeCode"] = commune,
        ["members"] = members.Select(m => new Dictionary<string, object?> { ["personId"] = m.Person, ["role"] = m.Role }).ToArray(),
    };

    private static Dictionary<string, object?> Woman(string commune, params string[] categories)
    {
        var person = Person(commune: commune);
        person["categories"] = categories;
        return person;
    }

    [Fact]
    public async Task Registering_a_group_counts_its_beneficiaries_by_sex_and_category_through_its_members_and_publishes_it()
    {
        var admin = await api.AdminClientAsync();
        var president = await PersonAsync(admin, Woman("04.291.01.03", "WomanInDifficultSituation", "RuralYouth"));
        var treasurer = await PersonAsync(admin, Woman("04.291.01.03", "WomanInDifficultSituation"));
        var member = await PersonAsync(admin, Person(commune: "04.291.01.01", sex: "Male"));
        var number = UniqueNumber();

        var response = await admin.PostAsJsonAsync("/api/v1/groups", Group(number.ToLowerInvariant(), "04.291.01.03",
            (member, "Member"), (president, "President"), (treasurer, "Treasurer")));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = group.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/groups/{id}");
        group.GetProperty("registrationNumber").GetString().Should().Be(number);
        group.GetProperty("provinceCode").GetString().Should().Be("04.291");
        group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("role").GetString()).Should().Equal("President", "Treasurer", "Member");
        var beneficiaries = group.GetProperty("beneficiaries");
        beneficiaries.GetProperty("total").GetInt32().Should().Be(3);
        beneficiaries.GetProperty("women").GetInt32().Should().Be(2);
        beneficiaries.GetProperty("men").GetInt32().Should().Be(1);
        beneficiaries.GetProperty("byCategory").EnumerateArray()
            .ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("count").GetInt32())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["WomanInDifficultSituation"] = 2, ["RuralYouth"] = 2 });

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{id}");
        read.GetProperty("name").GetString().Should().Be("Coopérative Nissae Zemmour");
        var content = await api.ScalarAsync<string>(
            $"SELECT content::text FROM applicants.outbox_messages WHERE type = 'applicants.group-registered.v1' AND content->>'groupId' = '{id}'");
        using var message = JsonDocument.Parse(content!);
        message.RootElement.GetProperty("memberIds").EnumerateArray().Select(m => m.GetGuid()).Should().BeEquivalentTo([president, treasurer, member]);
        message.RootElement.GetProperty("legalForm").GetString().Should().Be("Cooperative");
        content!.Should().NotContain("Nissae");
    }

    [Fact]
    public async Task A_group_needs_known_members_once_each_one_president_and_a_free_registration_number_and_leaves_no_row_when_refused()
    {
        var admin = await api.AdminClientAsync();
        var one = await PersonAsync(admin, Person(commune: "04.291.01.03"));
        var two = await PersonAsync(admin, Person(commune: "04.291.01.03"));
        var number = UniqueNumber();
        var registered = await admin.PostAsJsonAsync("/api/v1/groups", Group(number, "04.291.01.03", (one, "President")));
        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.groups");

        var unknown = await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "04.291.01.03", (one, "President"), (Guid.NewGuid(), "Member")));
        var twice = await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "04.291.01.03", (one, "President"), (one, "Member")));
        var noPresident = await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "04.291.01.03", (one, "Treasurer"), (two, "Member")));
        var taken = await admin.PostAsJsonAsync("/api/v1/groups", Group(number, "04.291.01.03", (two, "President")));
        var badRole = await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "04.291.01.03", (one, "Chief")));
        var unknownCommune = await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "99.999.99.99", (one, "President")));
        var noMembers = await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "04.291.01.03"));
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var arabic = await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "04.291.01.03", (one, "President"), (Guid.NewGuid(), "Member")));

        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(unknown)).Errors.Should().ContainKey("members[1].personId");
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(twice)).Errors.Should().ContainKey("members");
        noPresident.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(noPresident)).Code.Should().Be("group.one-president");
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var takenProblem = await ProblemDocument.ReadAsync(taken);
        takenProblem.Code.Should().Be("group.registration-taken");
        takenProblem.Existing.Should().Be(registered.Headers.Location!.ToString());
        badRole.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknownCommune.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(unknownCommune)).Errors.Should().ContainKey("communeCode");
        noMembers.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(noMembers)).Errors.Should().ContainKey("members");
        (await ProblemDocument.ReadAsync(arabic)).Errors!["members[1].personId"].Single().Should().Contain("لا يوجد شخص");
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.groups")).Should().Be(before);
    }

    [Fact]
    public async Task Correcting_a_group_changes_its_members_checks_the_version_and_publishes_the_change()
    {
        var admin = await api.AdminClientAsync();
        var one = await PersonAsync(admin, Person(commune: "04.291.01.03"));
        var two = await PersonAsync(admin, Person(commune: "04.291.01.03", sex: "Male"));
        var request = Group(UniqueNumber(), "04.291.01.03", (one, "President"));
        var created = await (await admin.PostAsJsonAsync("/api/v1/groups", request)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var correction = Group((string)request["registrationNumber"]!, "04.291.01.03", (one, "Secretary"), (two, "President"));
        correction["version"] = created.GetProperty("version").GetUInt32();

        var response = await admin.PutAsJsonAsync($"/api/v1/groups/{id}", correction);
        var stale = await admin.PutAsJsonAsync($"/api/v1/groups/{id}", correction);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        group.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("personId").GetGuid(), m.GetProperty("role").GetString()))
            .Should().Equal((two, "President"), (one, "Secretary"));
        group.GetProperty("beneficiaries").GetProperty("men").GetInt32().Should().Be(1);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.outbox_messages WHERE type = 'applicants.group-updated.v1' AND content->>'groupId' = '{id}'"))
            .Should().Be(1);
    }

    [Fact]
    public async Task Groups_are_searched_by_name_in_either_script_or_number_filtered_by_member_and_an_officer_sees_his_provinces_only()
    {
        var admin = await api.AdminClientAsync();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        var local = await PersonAsync(admin, Person(commune: "03.531.01.01"));
        var nadori = await PersonAsync(admin, Person(commune: "02.381.01.01"));
        var number = UniqueNumber();
        var taounate = Group(number, "03.531.01.01", (local, "President"));
        taounate["name"] = $"Association Amal Tissa {number}";
        taounate["nameAr"] = $"جمعية أمل تيسة {number}";
        taounate["legalForm"] = "Association";
        var mine = (await (await officer.PostAsJsonAsync("/api/v1/groups", taounate)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var nador = (await (await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "02.381.01.01", (nadori, "President")))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetGuid())];
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"association amal tissa {number}")}")).Should().Equal(mine);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"جمعية أمل تيسة {number}")}")).Should().Equal(mine);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={number.ToLowerInvariant()}")).Should().Equal(mine);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?memberId={nadori}")).Should().Equal(nador);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?legalForm=Association&provinceCode=03.531&sort=name,-createdOn&pageSize=200")).Should().Contain(mine);
        Ids(await officer.GetFromJsonAsync<JsonElement>("/api/v1/groups?pageSize=200")).Should().Contain(mine).And.NotContain(nador);
        (await officer.GetAsync($"/api/v1/groups/{nador}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officer.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "02.381.01.01", (local, "President")))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/groups?sort=members")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Groups_are_found_by_name_whatever_the_spelling_as_persons_are()
    {
        var admin = await api.AdminClientAsync();
        var president = await PersonAsync(admin, Person(commune: "03.531.01.01"));
        var number = UniqueNumber();
        var group = Group(number, "03.531.01.01", (president, "President"));
        group["name"] = $"Coopérative Al Amal Tissa {number}";
        group["nameAr"] = $"تعاونية الأمل تيسة {number}";
        var id = (await (await admin.PostAsJsonAsync("/api/v1/groups", group)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetGuid())];
        // Without the accent, the article or the doubled letter; bare alef and ه for ة: the folds of NormalisedName.
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"cooperative amal tisa {number}")}")).Should().Equal(id);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"الامل تيسه {number}")}")).Should().Equal(id);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"Cooperative Al Amal Tissa {number}")}&pageSize=200")).Should().Equal(id);
        // Another name is not found.
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"Amal Figuig {number}")}")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_number_with_a_digit_doubled_finds_its_group_and_not_the_group_numbered_without_it()
    {
        var admin = await api.AdminClientAsync();
        var president = await PersonAsync(admin, Person(commune: "03.531.01.01"));
        var number = UniqueNumber();
        async Task<Guid> RegisterAsync(string registrationNumber)
        {
            var group = Group(registrationNumber, "03.531.01.01", (president, "President"));
            group["name"] = $"Association Tiwizi {registrationNumber}";
            group["nameAr"] = null;
            var response = await admin.PostAsJsonAsync("/api/v1/groups", group);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        // A letter doubled is a spelling, a digit doubled another number: 4566 is not 456.
        var single = await RegisterAsync($"{number}56");
        var doubled = await RegisterAsync($"{number}566");

        Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetGuid())];
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={number}566")).Should().Equal(doubled);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"tiwizi {number}566")}")).Should().Equal(doubled);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/groups?q={Uri.EscapeDataString($"Association Tiwizi {number}56")}&pageSize=200")).Should().Contain(single);
    }

    [Fact]
    public async Task A_group_holds_an_application_flagged_by_its_members_financing_and_assessed_by_the_individual_or_group_rule()
    {
        var admin = await api.AdminClientAsync();
        var groupsOnly = await OpenProgrammeAsync(admin, p =>
        {
            p["allowsIndividuals"] = false;
            p["allowsGroups"] = true;
        });
        var individualsOnly = await OpenProgrammeAsync(admin, p =>
        {
            p["allowsIndividuals"] = true;
            p["allowsGroups"] = false;
        });
        var president = await PersonAsync(admin, Woman("03.531.01.01", "WomanInDifficultSituation"));
        var group = (await (await admin.PostAsJsonAsync("/api/v1/groups", Group(UniqueNumber(), "03.531.01.01", (president, "President")))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        var held = await SubmitAsync(admin, Application(groupsOnly, group, holderKind: "Group"));
        var refused = await SubmitAsync(admin, Application(individualsOnly, group, holderKind: "Group"));
        var unknown = await admin.PostAsJsonAsync("/api/v1/applications", Application(groupsOnly, president, holderKind: "Group"));

        held.GetProperty("holderKind").GetString().Should().Be("Group");
        held.GetProperty("holderId").GetGuid().Should().Be(group);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var eligible = await (await admin.PostAsJsonAsync($"/api/v1/applications/{held.GetProperty("id").GetGuid()}/eligibility", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var ineligible = await (await admin.PostAsJsonAsync($"/api/v1/applications/{refused.GetProperty("id").GetGuid()}/eligibility", new { })).Content.ReadFromJsonAsync<JsonElement>();
        eligible.GetProperty("stage").GetString().Should().Be("Eligible", eligible.ToString());
        Check(eligible, "holder-kind").Should().BeTrue();
        Check(eligible, "target-category").Should().BeTrue();
        ineligible.GetProperty("stage").GetString().Should().Be("Ineligible");
        Check(ineligible, "holder-kind").Should().BeFalse();
    }

    private static bool Check(JsonElement eligibility, string rule) =>
        eligibility.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule).GetProperty("met").GetBoolean();
}
