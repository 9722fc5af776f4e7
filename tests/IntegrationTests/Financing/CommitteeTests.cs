using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Applicants;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Financing;

public sealed class CommitteeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_committee_approves_an_eligible_application_with_a_plan_and_the_approval_is_published()
    {
        var (admin, programme, funder) = await ProgrammeAsync(1_000_000.00m);
        var application = await EligibleApplicationAsync(admin, programme);
        var committee = await CommitteeAsync(admin, programme, application);

        var decided = await admin.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", Approval(application, funder, 59_500.00m));

        decided.StatusCode.Should().Be(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var decision = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions").EnumerateArray().Single();
        decision.GetProperty("outcome").GetString().Should().Be("Approved");
        var financingId = decision.GetProperty("financingId").GetGuid();
        var financing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/financings/{financingId}");
        financing.GetProperty("committeeId").GetGuid().Should().Be(committee);
        financing.GetProperty("grantAmount").GetRawText().Should().Be("59500.00");
        (await api.ScalarAsync<long>(
            $"SELECT count(*) FROM financing.outbox_messages WHERE type = 'financing.application-approved.v1' AND content->>'applicationId' = '{application}' AND content->>'committeeId' = '{committee}'"))
            .Should().Be(1);
        await Eventually.Until(() => admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{application}"), a => a.GetProperty("stage").GetString() == "Approved");
    }

    [Fact]
    public async Task Rejections_keep_their_reason_and_deferrals_are_published_too()
    {
        var (admin, programme, _) = await ProgrammeAsync(1_000_000.00m);
        var rejected = await EligibleApplicationAsync(admin, programme);
        var deferred = await EligibleApplicationAsync(admin, programme);
        var committee = await CommitteeAsync(admin, programme, rejected, deferred);

        var withoutReason = await admin.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", new { applicationId = rejected, outcome = "Rejected" });
        withoutReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", new { applicationId = rejected, outcome = "Rejected", reason = "Projet non viable : marché saturé." }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", new { applicationId = deferred, outcome = "Deferred", reason = "Devis manquant." }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await api.ScalarAsync<string>($"SELECT content->>'reason' FROM financing.outbox_messages WHERE type = 'financing.application-rejected.v1' AND content->>'applicationId' = '{rejected}'"))
            .Should().Be("Projet non viable : marché saturé.");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM financing.outbox_messages WHERE type = 'financing.application-deferred.v1' AND content->>'applicationId' = '{deferred}'"))
            .Should().Be(1);
        var session = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/committees/{committee}");
        session.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()).Should().BeEquivalentTo(["Rejected", "Deferred"]);
    }

    [Fact]
    public async Task Only_an_eligible_application_is_approved_and_an_unbalanced_plan_is_refused()
    {
        var (admin, programme, funder) = await ProgrammeAsync(1_000_000.00m);
        var submitted = await SubmittedApplicationAsync(admin, programme);
        var eligible = await EligibleApplicationAsync(admin, programme);
        var committee = await CommitteeAsync(admin, programme, submitted, eligible);

        var notEligible = await admin.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", Approval(submitted, funder, 59_500.00m));
        notEligible.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(notEligible)).Code.Should().Be("decision.application-not-eligible");

        var unbalanced = await admin.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", Approval(eligible, funder, 59_500.00m, own: 20_000.00m));
        unbalanced.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(unbalanced)).Code.Should().Be("plan.unbalanced");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM financing.financings WHERE programme_id = '{programme}'")).Should().Be(0);
    }

    [Fact]
    public async Task Two_officers_approving_at_once_against_the_last_of_an_envelope_one_gets_200_the_other_409()
    {
        var (admin, programme, funder) = await ProgrammeAsync(100_000.00m);
        var first = await EligibleApplicationAsync(admin, programme);
        var second = await EligibleApplicationAsync(admin, programme);
        var committee = await CommitteeAsync(admin, programme, first, second);
        var officerA = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        var officerB = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));

        var answers = await Task.WhenAll(
            officerA.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", Approval(first, funder, 59_500.00m)),
            officerB.PostAsJsonAsync($"/api/v1/committees/{committee}/decisions", Approval(second, funder, 59_500.00m)));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/budget");
        budget.GetProperty("committed").GetRawText().Should().Be("59500.00");
    }

    [Fact]
    public async Task Only_a_new_committee_decision_revises_a_plan_the_previous_plan_stays_and_the_envelope_checks_apply()
    {
        var (admin, programme, funder) = await ProgrammeAsync(100_000.00m);
        var application = await EligibleApplicationAsync(admin, programme);
        var first = await CommitteeAsync(admin, programme, application);
        var approved = await admin.PostAsJsonAsync($"/api/v1/committees/{first}/decisions", Approval(application, funder, 59_500.00m));
        approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        await Eventually.Until(() => admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{application}"), a => a.GetProperty("stage").GetString() == "Approved");
        var second = await CommitteeAsync(admin, programme, application);

        // The 59,500 MAD the plan holds come back to the envelope, not more: 100,000.01 is over it.
        var over = await admin.PostAsJsonAsync($"/api/v1/committees/{second}/decisions", Revision(application, funder, 150_000.00m, 100_000.01m, 49_999.99m));
        over.StatusCode.Should().Be(HttpStatusCode.Conflict, await over.Content.ReadAsStringAsync());
        (await ProblemDocument.ReadAsync(over)).Code.Should().Be("plan.envelope-exhausted");
        var underRate = await admin.PostAsJsonAsync($"/api/v1/committees/{second}/decisions", Revision(application, funder, 120_000.00m, 90_000.00m, 30_000.00m));
        underRate.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(underRate)).Code.Should().Be("plan.own-contribution-under-rate");

        var revised = await admin.PostAsJsonAsync($"/api/v1/committees/{second}/decisions", Revision(application, funder, 120_000.00m, 80_000.00m, 40_000.00m));

        revised.StatusCode.Should().Be(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        var financingId = (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions").EnumerateArray().Single().GetProperty("financingId").GetGuid();
        var financing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/financings/{financingId}");
        financing.GetProperty("planVersion").GetInt32().Should().Be(2);
        financing.GetProperty("committeeId").GetGuid().Should().Be(second);
        financing.GetProperty("grantAmount").GetRawText().Should().Be("80000.00");
        financing.GetProperty("totalCost").GetRawText().Should().Be("120000.00");
        financing.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("planVersion").GetInt32(), l.GetProperty("amount").GetDecimal()))
            .Should().BeEquivalentTo([(1, 59_500.00m), (1, 25_500.00m), (2, 80_000.00m), (2, 40_000.00m)]);
        financing.GetProperty("tranches").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()).Should().Equal(48_000.00m, 32_000.00m);
        var budget = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/budget");
        budget.GetProperty("committed").GetRawText().Should().Be("80000.00");

        var eligible = await EligibleApplicationAsync(admin, programme);
        var third = await CommitteeAsync(admin, programme, eligible);
        var notApproved = await admin.PostAsJsonAsync($"/api/v1/committees/{third}/decisions", Revision(eligible, funder, 120_000.00m, 80_000.00m, 40_000.00m));
        notApproved.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(notApproved)).Code.Should().Be("decision.revision-needs-an-approved-plan");
    }

    private static object Revision(Guid application, Guid funder, decimal total, decimal grant, decimal own) => new
    {
        applicationId = application,
        outcome = "Revised",
        totalCost = total,
        lines = new object[]
        {
            new { source = "FunderGrant", partnerId = funder, amount = grant },
            new { source = "OwnContributionCash", amount = own },
        },
    };

    private static object Approval(Guid application, Guid funder, decimal grant, decimal own = 25_500.00m) => new
    {
        applicationId = application,
        outcome = "Approved",
        totalCost = 85_000.00m,
        lines = new object[]
        {
            new { source = "FunderGrant", partnerId = funder, amount = grant },
            new { source = "OwnContributionCash", amount = own },
        },
    };

    private async Task<(HttpClient Admin, Guid Programme, Guid Funder)> ProgrammeAsync(decimal envelope)
    {
        var admin = await api.AdminClientAsync("en");
        var funder = await ProgrammeData.FunderAsync(admin);
        var id = (await ProgrammeData.DefineAsync(admin, ProgrammeData.Taounate(ProgrammeData.UniqueCode("CMT"), (funder, envelope)))).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/programmes/{id}/open", null)).EnsureSuccessStatusCode();
        return (admin, id, funder);
    }

    private static async Task<Guid> SubmittedApplicationAsync(HttpClient admin, Guid programme)
    {
        var holder = await ApplicationData.PersonAsync(admin);
        return (await ApplicationData.SubmitAsync(admin, ApplicationData.Application(programme, holder))).GetProperty("id").GetGuid();
    }

    private async Task<Guid> EligibleApplicationAsync(HttpClient admin, Guid programme)
    {
        var id = await SubmittedApplicationAsync(admin, programme);
        // Eligibility is assessed by staff in Applicants; here the committee only needs the stage.
        await api.ExecuteAsync($"UPDATE applicants.applications SET stage = 'Eligible' WHERE id = '{id}'");
        return id;
    }

    private static async Task<Guid> CommitteeAsync(HttpClient admin, Guid programme, params Guid[] agenda)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/committees", new
        {
            programmeId = programme,
            heldOn = "2026-03-12",
            members = new[] { "Gouverneur de la province de Taounate (président)", "Délégué de l'INDH", "Représentant du conseil provincial" },
            agenda,
            minutes = "Séance ouverte à 10 h ; quorum atteint.",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
