using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Applicants.Contracts;
using IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationTests.Applicants.ApplicationData;

namespace IntegrationTests.Applicants;

/// <summary>Project applications filed, read and told to the other modules, through the API on the real database.</summary>
public sealed class ApplicationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Filing_an_application_records_it_submitted_dated_and_attributed_and_publishes_the_stage_change()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin);
        var holder = await PersonAsync(admin);

        var application = await SubmitAsync(admin, Application(programme, holder));

        var id = application.GetProperty("id").GetGuid();
        application.GetProperty("stage").GetString().Should().Be("Submitted");
        application.GetProperty("provinceCode").GetString().Should().Be("03.531");
        application.GetProperty("requestedAmount").GetDecimal().Should().Be(59_500.00m);
        application.GetProperty("channel").GetString().Should().Be("WalkIn");
        application.GetProperty("alreadyFinanced").GetBoolean().Should().BeFalse();
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        read.GetProperty("title").GetString().Should().Be("Élevage de chèvres laitières");
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/history");
        var first = history.EnumerateArray().Should().ContainSingle().Subject;
        first.GetProperty("toStage").GetString().Should().Be("Submitted");
        first.GetProperty("sequence").GetInt32().Should().Be(1);
        first.GetProperty("actorKind").GetString().Should().Be("Staff");
        first.GetProperty("actorId").ValueKind.Should().Be(JsonValueKind.String);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications?programmeId={programme}&stage=Submitted");
        listed.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).Should().Equal(id);

        var content = await api.ScalarAsync<string>(
            $"SELECT content::text FROM applicants.outbox_messages WHERE type = 'applicants.application-stage-changed.v1' AND content->>'applicationId' = '{id}'");
        using var message = JsonDocument.Parse(content!);
        message.RootElement.GetProperty("toStage").GetString().Should().Be("Submitted");
        message.RootElement.GetProperty("fromStage").ValueKind.Should().Be(JsonValueKind.Null);
        message.RootElement.GetProperty("sequence").GetInt32().Should().Be(1);
        message.RootElement.GetProperty("programmeId").GetGuid().Should().Be(programme);
    }

    [Fact]
    public async Task Financing_reads_an_application_for_its_decision_through_the_contracts()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin);
        var holder = await PersonAsync(admin);
        var id = (await SubmitAsync(admin, Application(programme, holder))).GetProperty("id").GetGuid();
        await using var scope = api.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var found = await sender.Send(new GetApplicationForDecisionQuery(id));
        var none = await sender.Send(new GetApplicationForDecisionQuery(Guid.NewGuid()));

        none.Should().BeNull();
        found.Should().Be(new ApplicationForDecision(
            id, programme, "Person", holder, "Élevage de chèvres laitières", "Livestock", "03.531.01.01", "03.531",
            85_000.00m, 59_500.00m, 25_500.00m, "Submitted", null));
    }

    [Fact]
    public async Task An_application_needs_an_open_programme_a_known_holder_and_amounts_within_the_cost_and_leaves_no_row_when_refused()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin);
        var holder = await PersonAsync(admin);
        var draft = (await Financing.ProgrammeData.DefineAsync(admin, Financing.ProgrammeData.Taounate(
            Financing.ProgrammeData.UniqueCode("DRAFT"), (await Financing.ProgrammeData.FunderAsync(admin), 100_000.00m)))).GetProperty("id").GetGuid();
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.applications");

        var unknownProgramme = await admin.PostAsJsonAsync("/api/v1/applications", Application(Guid.NewGuid(), holder));
        var notOpen = await admin.PostAsJsonAsync("/api/v1/applications", Application(draft, holder));
        var unknownHolder = await admin.PostAsJsonAsync("/api/v1/applications", Application(programme, Guid.NewGuid()));
        var tooMuch = Application(programme, holder);
        tooMuch["requestedAmount"] = 80_000.00m;
        var exceeding = await admin.PostAsJsonAsync("/api/v1/applications", tooMuch);
        var negative = Application(programme, holder);
        negative["ownContribution"] = -1m;
        var referral = Application(programme, holder);
        referral["channel"] = "PartnerReferral";

        unknownProgramme.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(unknownProgramme)).Errors.Should().ContainKey("programmeId");
        notOpen.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(notOpen)).Code.Should().Be("application.programme-not-open");
        unknownHolder.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(unknownHolder)).Errors.Should().ContainKey("holderId");
        exceeding.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(exceeding)).Code.Should().Be("application.amounts-exceed-cost");
        (await admin.PostAsJsonAsync("/api/v1/applications", negative)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/applications", referral)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.applications")).Should().Be(before);
    }

    [Fact]
    public async Task An_officer_files_and_reads_applications_of_his_provinces_only()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin, p => p["provinceCodes"] = Array.Empty<string>());
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        var nadori = await PersonAsync(admin, Person(commune: "02.381.01.01"));
        var inNador = (await SubmitAsync(admin, Application(programme, nadori, commune: "02.381.01.01"))).GetProperty("id").GetGuid();
        var local = await PersonAsync(officer);

        (await officer.PostAsJsonAsync("/api/v1/applications", Application(programme, local))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await officer.PostAsJsonAsync("/api/v1/applications", Application(programme, local, commune: "02.381.01.01"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/v1/applications", Application(programme, nadori))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await officer.GetAsync($"/api/v1/applications/{inNador}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/api/v1/applications/{inNador}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>An application's lifecycle: driven by staff (withdrawal) and by the other modules' events, illegal moves refused.</summary>
public sealed class ApplicationLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Writes an event to the publishing module's outbox, as its own command would, and lets the dispatcher deliver it.</summary>
    private Task PublishAsync(string schema, string type, object content) =>
        api.ExecuteAsync(
            $"""
             INSERT INTO {schema}.outbox_messages (id, type, content, occurred_on)
             VALUES ('{Guid.NewGuid()}', '{type}', '{JsonSerializer.Serialize(content, JsonSerializerOptions.Web).Replace("'", "''", StringComparison.Ordinal)}', now())
             """);

    private async Task<JsonElement> WaitForStageAsync(HttpClient client, Guid id, string stage) =>
        await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}"), a => a.GetProperty("stage").GetString() == stage);

    private async Task<(HttpClient Admin, Guid Programme, Guid Id)> SubmittedAsync()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin);
        var holder = await PersonAsync(admin);
        var id = (await SubmitAsync(admin, Application(programme, holder))).GetProperty("id").GetGuid();
        return (admin, programme, id);
    }

    [Fact]
    public async Task A_withdrawal_is_kept_with_its_reason_and_a_withdrawn_application_moves_no_more()
    {
        var (admin, _, id) = await SubmittedAsync();

        var withdrawn = await admin.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "A trouvé un emploi salarié." });

        withdrawn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString().Should().Be("Withdrawn");
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/history")).EnumerateArray().ToList();
        history.Should().HaveCount(2);
        history[1].GetProperty("fromStage").GetString().Should().Be("Submitted");
        history[1].GetProperty("note").GetString().Should().Be("A trouvé un emploi salarié.");
        var again = await admin.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "Encore." });
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(again)).Code.Should().Be("application.illegal-transition");
        (await admin.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync($"/api/v1/applications/{Guid.NewGuid()}/withdraw", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.ScalarAsync<long>(
            $"SELECT count(*) FROM applicants.outbox_messages WHERE type = 'applicants.application-stage-changed.v1' AND content->>'applicationId' = '{id}'")).Should().Be(2);
    }

    [Fact]
    public async Task Financing_s_and_mentoring_s_events_carry_an_eligible_application_to_its_close()
    {
        var (admin, programme, id) = await SubmittedAsync();
        // Eligibility is assessed by staff; here the lifecycle only needs the stage.
        await api.ExecuteAsync($"UPDATE applicants.applications SET stage = 'Eligible' WHERE id = '{id}'");
        var committee = Guid.NewGuid();

        await PublishAsync("financing", "financing.application-deferred.v1", new { applicationId = id, programmeId = programme, committeeId = committee, reason = "Devis manquant", occurredOn = DateTimeOffset.UtcNow });
        await Eventually.Until(() => admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/history"), h => h.GetArrayLength() == 2);
        await PublishAsync("financing", "financing.application-approved.v1", new
        {
            applicationId = id, programmeId = programme, financingId = Guid.NewGuid(), committeeId = committee, holderKind = "Person", holderId = Guid.NewGuid(),
            sector = "Livestock", communeCode = "03.531.01.01", provinceCode = "03.531", totalCost = 85000m, grantAmount = 59500m, loanAmount = 0m,
            followUp = new { monthlyVisitsForMonths = 6, quarterlyVisitsUntilMonth = 24 }, coordinatorEmail = (string?)null, occurredOn = DateTimeOffset.UtcNow,
        });
        await WaitForStageAsync(admin, id, "Approved");
        await PublishAsync("financing", "financing.tranche-disbursed.v1", new { financingId = Guid.NewGuid(), applicationId = id, programmeId = programme, trancheNumber = 1, trancheCount = 2, amount = 35700m, disbursedOn = "2026-11-25", occurredOn = DateTimeOffset.UtcNow });
        await WaitForStageAsync(admin, id, "Financed");
        await PublishAsync("mentoring", "mentoring.mentor-assigned.v1", new { applicationId = id, mentorId = Guid.NewGuid(), occurredOn = DateTimeOffset.UtcNow });
        await WaitForStageAsync(admin, id, "InFollowUp");
        await PublishAsync("mentoring", "mentoring.visit-reported.v1", new
        {
            visitId = Guid.NewGuid(), applicationId = id, mentorId = Guid.NewGuid(), visitedOn = "2026-11-26", mode = "OnSite", enterpriseState = "Active",
            monthlyRevenue = 4000m, jobsHeldByWomen = 1, jobsHeldByMen = 1, positive = true, planCompleted = false, occurredOn = DateTimeOffset.UtcNow,
        });
        await PublishAsync("mentoring", "mentoring.visit-reported.v1", new
        {
            visitId = Guid.NewGuid(), applicationId = id, mentorId = Guid.NewGuid(), visitedOn = "2026-11-27", mode = "OnSite", enterpriseState = "Ceased",
            monthlyRevenue = (decimal?)null, jobsHeldByWomen = 0, jobsHeldByMen = 0, positive = false, planCompleted = false, occurredOn = DateTimeOffset.UtcNow,
        });
        await WaitForStageAsync(admin, id, "Closed");

        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/history")).EnumerateArray().ToList();
        history.Select(h => h.GetProperty("toStage").GetString()).Should().Equal("Submitted", "Eligible", "Approved", "Financed", "InFollowUp", "Closed");
        history[1].GetProperty("outcome").GetString().Should().Be("Deferred");
        history[1].GetProperty("note").GetString().Should().Be("Devis manquant");
        history[^1].GetProperty("outcome").GetString().Should().Be("Ceased");
        history.Skip(1).Should().AllSatisfy(h => h.GetProperty("actorKind").GetString().Should().Be("System"));
        (await admin.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "Trop tard." })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}

/// <summary>Eligibility against the programme's rules, each named; a ProgramManager's override kept with its justification.</summary>
public sealed class EligibilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_application_meeting_every_rule_is_eligible_and_each_rule_is_named()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin);
        var id = (await SubmitAsync(admin, Application(programme, await PersonAsync(admin)))).GetProperty("id").GetGuid();

        var response = await admin.PostAsJsonAsync($"/api/v1/applications/{id}/eligibility", new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("stage").GetString().Should().Be("Eligible");
        result.GetProperty("allRulesMet").GetBoolean().Should().BeTrue();
        result.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("rule").GetString())
            .Should().BeEquivalentTo("holder-kind", "province", "age", "target-category", "maximum-cost", "maximum-grant", "own-contribution");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("stage").GetString().Should().Be("Eligible");
    }

    [Fact]
    public async Task Failed_rules_make_it_ineligible_and_only_a_program_manager_overrides_them_with_a_justification_kept()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin);
        // 47 years old (the programme takes 18 to 45), and asking for more than the grant ceiling.
        var holder = await PersonAsync(admin, Person(birthDate: "1979-01-15"));
        var application = Application(programme, holder);
        application["estimatedTotalCost"] = 290_000.00m;
        application["requestedAmount"] = 203_000.00m;
        application["ownContribution"] = 87_000.00m;
        var id = (await SubmitAsync(admin, application)).GetProperty("id").GetGuid();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        var manager = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.ProgramManager));

        var assessed = await (await officer.PostAsJsonAsync($"/api/v1/applications/{id}/eligibility", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var byOfficer = await officer.PostAsJsonAsync($"/api/v1/applications/{id}/eligibility", new { overrideJustification = "Je le veux." });
        var overridden = await manager.PostAsJsonAsync($"/api/v1/applications/{id}/eligibility", new { overrideJustification = "Seule soutien de famille : le comité provincial demande son inclusion." });

        assessed.GetProperty("stage").GetString().Should().Be("Ineligible");
        var failed = assessed.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("met").GetBoolean()).Select(c => c.GetProperty("rule").GetString());
        failed.Should().BeEquivalentTo("age", "maximum-grant");
        byOfficer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        overridden.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await overridden.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("stage").GetString().Should().Be("Eligible");
        result.GetProperty("allRulesMet").GetBoolean().Should().BeFalse();
        result.GetProperty("overrideJustification").GetString().Should().StartWith("Seule soutien");
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/history")).EnumerateArray().ToList();
        history.Select(h => h.GetProperty("toStage").GetString()).Should().Equal("Submitted", "Ineligible", "Eligible");
        history[2].GetProperty("outcome").GetString().Should().Be("Override");
        history[2].GetProperty("note").GetString().Should().StartWith("Seule soutien");
        (await api.ScalarAsync<string>($"SELECT eligibility_override FROM applicants.applications WHERE id = '{id}'")).Should().StartWith("Seule soutien");

        await admin.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "Abandon." });
        var late = await admin.PostAsJsonAsync($"/api/v1/applications/{id}/eligibility", new { });
        late.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
