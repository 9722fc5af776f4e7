using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Financing.Contracts;
using IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Financing;

public sealed class ProgrammeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Defining_a_programme_keeps_every_rule_and_starts_it_in_draft()
    {
        var admin = await api.AdminClientAsync();
        var indh = await ProgrammeData.FunderAsync(admin);
        var code = ProgrammeData.UniqueCode("indh-agr");
        var request = ProgrammeData.Taounate(code, (indh, 20_000_000.00m));
        request.Remove("maximumAge");

        var response = await admin.PostAsJsonAsync("/api/v1/programmes", request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var programme = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = programme.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/programmes/{id}");
        programme.GetProperty("code").GetString().Should().Be(code.ToUpperInvariant());
        programme.GetProperty("status").GetString().Should().Be("Draft");
        programme.GetProperty("ownContributionRate").GetDecimal().Should().Be(0.30m);
        programme.GetProperty("maximumAge").ValueKind.Should().Be(JsonValueKind.Null);
        programme.GetProperty("minimumAge").GetInt32().Should().Be(18);
        programme.GetProperty("maximumGrant").GetRawText().Should().Be("200000.00");
        programme.GetProperty("provinceCodes").EnumerateArray().Select(e => e.GetString()).Should().Equal("03.531");
        programme.GetProperty("targetCategories").EnumerateArray().Select(e => e.GetString()).Should().Equal("WomanInDifficultSituation", "RuralYouth");
        programme.GetProperty("instruments").EnumerateArray().Select(e => e.GetString()).Should().Equal("Grant", "HonourLoan");
        var tranches = programme.GetProperty("tranches").EnumerateArray().ToList();
        tranches.Select(t => (t.GetProperty("number").GetInt32(), t.GetProperty("share").GetDecimal(), t.GetProperty("requiresPositiveVisit").GetBoolean()))
            .Should().Equal((1, 0.60m, false), (2, 0.40m, true));
        programme.GetProperty("followUpMonthlyVisitsForMonths").GetInt32().Should().Be(6);
        programme.GetProperty("followUpQuarterlyVisitsUntilMonth").GetInt32().Should().Be(24);
        programme.GetProperty("coordinatorEmail").GetString().Should().Be("coordination@indh-taounate.ma");
        var funder = programme.GetProperty("funders").EnumerateArray().Single();
        funder.GetProperty("partnerId").GetGuid().Should().Be(indh);
        funder.GetProperty("envelope").GetRawText().Should().Be("20000000.00");

        (await api.ScalarAsync<decimal>($"SELECT envelope FROM financing.programme_funders WHERE partner_id = '{indh}'")).Should().Be(20_000_000.00m);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}")).GetProperty("code").GetString().Should().Be(code.ToUpperInvariant());
    }

    [Fact]
    public async Task A_programme_opens_from_draft_closes_once_open_and_then_no_longer_changes()
    {
        var admin = await api.AdminClientAsync("en");
        var indh = await ProgrammeData.FunderAsync(admin);
        var request = ProgrammeData.Taounate(ProgrammeData.UniqueCode(), (indh, 1_000_000.00m));
        var id = (await ProgrammeData.DefineAsync(admin, request)).GetProperty("id").GetGuid();

        var closingDraft = await admin.PostAsync($"/api/v1/programmes/{id}/close", null);
        closingDraft.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(closingDraft)).Code.Should().Be("programme.cannot-close");

        var opened = await admin.PostAsync($"/api/v1/programmes/{id}/open", null);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        var open = await opened.Content.ReadFromJsonAsync<JsonElement>();
        open.GetProperty("status").GetString().Should().Be("Open");
        open.GetProperty("openedOn").ValueKind.Should().Be(JsonValueKind.String);

        var reopening = await admin.PostAsync($"/api/v1/programmes/{id}/open", null);
        reopening.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(reopening)).Code.Should().Be("programme.cannot-open");

        (await admin.PostAsync($"/api/v1/programmes/{id}/close", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var closed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}");
        closed.GetProperty("status").GetString().Should().Be("Closed");

        request["version"] = closed.GetProperty("version").GetUInt32();
        request["nameFr"] = "Renamed after closing";
        var changing = await admin.PutAsJsonAsync($"/api/v1/programmes/{id}", request);
        changing.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(changing)).Code.Should().Be("programme.closed");
    }

    [Fact]
    public async Task A_programme_without_an_envelope_does_not_open()
    {
        var admin = await api.AdminClientAsync("en");
        var id = (await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate(ProgrammeData.UniqueCode()))).GetProperty("id").GetGuid();

        var opening = await admin.PostAsync($"/api/v1/programmes/{id}/open", null);

        opening.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(opening)).Code.Should().Be("programme.no-envelope");
    }

    [Fact]
    public async Task Changing_a_programme_replaces_its_rules_and_funders_and_a_stale_version_is_refused()
    {
        var admin = await api.AdminClientAsync();
        var indh = await ProgrammeData.FunderAsync(admin);
        var council = await ProgrammeData.FunderAsync(admin, "LocalAuthority", Data.UniqueName("Conseil provincial de Taounate"));
        var request = ProgrammeData.Taounate(ProgrammeData.UniqueCode(), (indh, 1_000_000.00m));
        var defined = await ProgrammeData.DefineAsync(admin, request);
        var id = defined.GetProperty("id").GetGuid();

        request["version"] = defined.GetProperty("version").GetUInt32();
        request["ownContributionRate"] = 0.10m;
        request["tranches"] = new object[] { new { share = 0.5m, requiresPositiveVisit = false }, new { share = 0.3m, requiresPositiveVisit = true }, new { share = 0.2m, requiresPositiveVisit = true } };
        request["funders"] = new object[] { new { partnerId = indh, envelope = 800_000.00m }, new { partnerId = council, envelope = 400_000.50m } };
        var changed = await admin.PutAsJsonAsync($"/api/v1/programmes/{id}", request);

        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        var programme = await changed.Content.ReadFromJsonAsync<JsonElement>();
        programme.GetProperty("ownContributionRate").GetDecimal().Should().Be(0.10m);
        programme.GetProperty("tranches").GetArrayLength().Should().Be(3);
        programme.GetProperty("funders").EnumerateArray().Select(f => (f.GetProperty("partnerId").GetGuid(), f.GetProperty("envelope").GetDecimal()))
            .Should().BeEquivalentTo(new[] { (indh, 800_000.00m), (council, 400_000.50m) });
        (await api.ScalarAsync<long>($"SELECT count(*) FROM financing.programme_tranches WHERE programme_id = '{id}'")).Should().Be(3);

        var stale = await admin.PutAsJsonAsync($"/api/v1/programmes/{id}", request);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_budget_shows_envelope_committed_disbursed_and_remaining_per_funder_and_in_total()
    {
        var admin = await api.AdminClientAsync();
        var indh = await ProgrammeData.FunderAsync(admin);
        var council = await ProgrammeData.FunderAsync(admin, "LocalAuthority", Data.UniqueName("Conseil provincial"));
        var id = (await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate(ProgrammeData.UniqueCode(), (indh, 20_000_000.00m), (council, 8_000_000.25m))))
            .GetProperty("id").GetGuid();

        var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/budget");

        budget.GetProperty("envelope").GetRawText().Should().Be("28000000.25");
        budget.GetProperty("committed").GetRawText().Should().Be("0.00");
        budget.GetProperty("disbursed").GetRawText().Should().Be("0.00");
        budget.GetProperty("remaining").GetRawText().Should().Be("28000000.25");
        var funders = budget.GetProperty("funders").EnumerateArray().ToList();
        funders.Select(f => f.GetProperty("partnerId").GetGuid()).Should().Equal(indh, council);
        funders[1].GetProperty("name").GetString().Should().StartWith("Conseil provincial");
        funders[1].GetProperty("remaining").GetRawText().Should().Be("8000000.25");
    }

    [Fact]
    public async Task Unknown_provinces_and_funders_are_refused_naming_them()
    {
        var admin = await api.AdminClientAsync("en");
        var stranger = Guid.NewGuid();
        var request = ProgrammeData.Taounate(ProgrammeData.UniqueCode(), (stranger, 100_000.00m));

        var unknownFunder = await admin.PostAsJsonAsync("/api/v1/programmes", request);
        unknownFunder.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await ProblemDocument.ReadAsync(unknownFunder);
        problem.Code.Should().Be("programme.unknown-funders");
        problem.Detail.Should().Contain(stranger.ToString());

        request["provinceCodes"] = new[] { "03.531", "09.999" };
        var unknownProvince = await admin.PostAsJsonAsync("/api/v1/programmes", request);
        unknownProvince.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var provinceProblem = await ProblemDocument.ReadAsync(unknownProvince);
        provinceProblem.Code.Should().Be("programme.unknown-provinces");
        provinceProblem.Detail.Should().Contain("09.999");
    }

    [Theory]
    [InlineData("tranches", "programme.tranche-shares-must-make-the-whole")]
    [InlineData("maximumGrant", "programme.maximum-grant-above-maximum-cost")]
    [InlineData("endsOn", "programme.period-must-be-ordered")]
    [InlineData("maximumAge", "programme.age-range-must-be-ordered")]
    public async Task Rules_that_contradict_each_other_are_refused_with_the_rule_named(string field, string rule)
    {
        var admin = await api.AdminClientAsync("en");
        var request = ProgrammeData.Taounate(ProgrammeData.UniqueCode());
        request[field] = field switch
        {
            "tranches" => new object[] { new { share = 0.60m, requiresPositiveVisit = false }, new { share = 0.30m, requiresPositiveVisit = true } },
            "maximumGrant" => 300_000.01m,
            "endsOn" => "2023-12-31",
            _ => 17,
        };

        var response = await admin.PostAsJsonAsync("/api/v1/programmes", request);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(response)).Code.Should().Be(rule);
    }

    [Fact]
    public async Task Malformed_rules_are_refused_field_by_field()
    {
        var admin = await api.AdminClientAsync("en");
        var request = ProgrammeData.Taounate("no spaces allowed");
        request["nameAr"] = "";
        request["ownContributionRate"] = 1.5m;
        request["provinceCodes"] = new[] { "Taounate" };
        request["funders"] = new object[] { new { partnerId = Guid.NewGuid(), envelope = -5m } };

        var response = await admin.PostAsJsonAsync("/api/v1/programmes", request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKeys("code", "nameAr", "ownContributionRate", "provinceCodes[0]", "funders[0].envelope");
    }

    [Fact]
    public async Task A_code_is_one_programme_s_only()
    {
        var admin = await api.AdminClientAsync();
        var code = ProgrammeData.UniqueCode();
        var first = await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate(code));

        var second = await admin.PostAsJsonAsync("/api/v1/programmes", ProgrammeData.Taounate(code.ToLowerInvariant()));

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ProblemDocument.ReadAsync(second);
        problem.Code.Should().Be("programme.code-taken");
        problem.Existing.Should().Be($"/api/v1/programmes/{first.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task Officers_read_programmes_but_only_managers_and_admins_change_them()
    {
        var admin = await api.AdminClientAsync();
        var id = (await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate(ProgrammeData.UniqueCode()))).GetProperty("id").GetGuid();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        var manager = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.ProgramManager));

        (await officer.GetAsync($"/api/v1/programmes/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await officer.GetAsync($"/api/v1/programmes/{id}/budget")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await officer.PostAsJsonAsync("/api/v1/programmes", ProgrammeData.Taounate(ProgrammeData.UniqueCode()))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostAsync($"/api/v1/programmes/{id}/close", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await manager.PostAsJsonAsync("/api/v1/programmes", ProgrammeData.Taounate(ProgrammeData.UniqueCode()))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Programmes_are_listed_by_status_and_province()
    {
        var admin = await api.AdminClientAsync();
        var indh = await ProgrammeData.FunderAsync(admin);
        var prefix = ProgrammeData.UniqueCode("LIST")[..20];
        var nador = ProgrammeData.Taounate($"{prefix}-NADOR", (indh, 500_000.00m));
        nador["provinceCodes"] = new[] { "02.381" };
        var nadorId = (await ProgrammeData.DefineAsync(admin, nador)).GetProperty("id").GetGuid();
        await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate($"{prefix}-TAOUNATE"));
        (await admin.PostAsync($"/api/v1/programmes/{nadorId}/open", null)).EnsureSuccessStatusCode();

        var open = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes?q={prefix}&status=Open");
        var inNador = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes?q={prefix}&provinceCode=02.381");
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes?q={prefix.ToLowerInvariant()}&sort=code");

        open.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Equal(nadorId);
        inNador.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Equal(nadorId);
        all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Should().Equal($"{prefix}-NADOR", $"{prefix}-TAOUNATE");
    }

    [Fact]
    public async Task Applicants_reads_a_programme_s_rules_through_the_contracts()
    {
        var admin = await api.AdminClientAsync();
        var indh = await ProgrammeData.FunderAsync(admin);
        var code = ProgrammeData.UniqueCode();
        var request = ProgrammeData.Taounate(code, (indh, 1_000_000.00m));
        request["ownContributionRate"] = 0.25m;
        request.Remove("maximumProjectCost");
        var id = (await ProgrammeData.DefineAsync(admin, request)).GetProperty("id").GetGuid();
        await using var scope = api.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var rules = await sender.Send(new GetProgrammeRulesQuery(id));
        var none = await sender.Send(new GetProgrammeRulesQuery(Guid.NewGuid()));

        none.Should().BeNull();
        rules.Should().NotBeNull();
        rules!.Code.Should().Be(code);
        rules.Status.Should().Be("Draft");
        rules.StartsOn.Should().Be(new DateOnly(2024, 1, 1));
        rules.ProvinceCodes.Should().Equal("03.531");
        rules.TargetCategories.Should().Equal("WomanInDifficultSituation", "RuralYouth");
        rules.AllowsIndividuals.Should().BeTrue();
        rules.MinimumAge.Should().Be(18);
        rules.MaximumAge.Should().Be(45);
        rules.MaximumProjectCost.Should().BeNull();
        rules.MaximumGrant.Should().Be(200_000.00m);
        rules.OwnContributionRate.Should().Be(0.25m);
        (await sender.Send(new FindFinancedHoldersQuery([Guid.NewGuid()]))).Should().BeEmpty();
    }
}
