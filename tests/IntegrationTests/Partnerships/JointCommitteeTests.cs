using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Partnerships;

/// <summary>A convention's joint committee (members from each party, meetings) and its annual action plans with their year-end evaluation.</summary>
public sealed class JointCommitteeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_signed_conventions_committee_meets_and_its_yearly_plans_are_evaluated_at_year_end()
    {
        var admin = await api.AdminClientAsync("en");
        var council = await ConventionTests.PartnerAsync(admin, "ProvincialCouncil", "02.381");
        var incubator = await ConventionTests.PartnerAsync(admin, "SocialIncubator", "02.381");
        var stranger = await ConventionTests.PartnerAsync(admin, "Bank", null);
        var draft = await ConventionTests.DraftAsync(admin, council, incubator, Guid.NewGuid());
        var id = ConventionTests.Id(draft);
        var meeting = new
        {
            heldOn = "2026-03-12",
            attendees = new[] { "Karima Benjelloun", "Mohamed Amrani" },
            minutes = "Bilan du premier trimestre : 18 porteurs incubés.",
            decisions = new[] { "Lancer un deuxième appel à candidatures" },
        };

        (await admin.PostAsJsonAsync($"/api/v1/conventions/{id}/committee/meetings", meeting)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a draft has no committee that meets");
        (await admin.PostAsJsonAsync($"/api/v1/conventions/{id}/sign", new { version = ConventionTests.Version(draft), signedOn = "2025-07-15", effectiveOn = "2025-09-01" }))
            .EnsureSuccessStatusCode();

        (await admin.PutAsJsonAsync($"/api/v1/conventions/{id}/committee", new { members = new object[] { new { name = "X", partnerId = stranger, function = "Directeur" } } }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a member represents the agency or a party");
        var committee = await Read(await admin.PutAsJsonAsync($"/api/v1/conventions/{id}/committee", new
        {
            members = new object[]
            {
                new { name = "Karima Benjelloun", partnerId = (Guid?)null, function = "Directrice régionale ADS" },
                new { name = "Mohamed Amrani", partnerId = (Guid?)incubator, function = "Président de l'incubateur" },
            },
        }));
        committee.GetProperty("members").GetArrayLength().Should().Be(2);

        var created = await admin.PostAsJsonAsync($"/api/v1/conventions/{id}/committee/meetings", meeting);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{id}/committee");
        var held = read.GetProperty("meetings").EnumerateArray().Single();
        held.GetProperty("heldOn").GetString().Should().Be("2026-03-12");
        held.GetProperty("decisions").EnumerateArray().Select(d => d.GetString()).Should().Equal("Lancer un deuxième appel à candidatures");

        var activities = new
        {
            activities = new object[]
            {
                new { title = "Incuber les porteurs retenus", target = "40 projets incubés", responsiblePartnerId = (Guid?)incubator, progress = 40 },
                new { title = "Former à la gestion", target = "4 sessions", responsiblePartnerId = (Guid?)null, progress = 60 },
            },
        };
        var plan = await Read(await admin.PutAsJsonAsync($"/api/v1/conventions/{id}/action-plans/2026", activities));
        plan.GetProperty("averageProgress").GetInt32().Should().Be(50);
        (await admin.PutAsJsonAsync($"/api/v1/conventions/{id}/action-plans/2030", activities)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "2030 is after the convention");

        (await admin.PostAsJsonAsync($"/api/v1/conventions/{id}/action-plans/2026/evaluation", new { evaluatedOn = "2026-11-20", summary = "Trop tôt." }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a plan is evaluated at year end");
        var evaluated = await Read(await admin.PostAsJsonAsync($"/api/v1/conventions/{id}/action-plans/2026/evaluation", new { evaluatedOn = "2026-12-18", summary = "38 projets incubés sur 40." }));
        evaluated.GetProperty("evaluatedProgress").GetInt32().Should().Be(50);
        evaluated.GetProperty("evaluatedOn").GetString().Should().Be("2026-12-18");
        (await admin.PutAsJsonAsync($"/api/v1/conventions/{id}/action-plans/2026", activities)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "an evaluated plan is closed");
        (await admin.PostAsJsonAsync($"/api/v1/conventions/{id}/action-plans/2027/evaluation", new { evaluatedOn = "2027-12-18", summary = "Rien." }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{id}/action-plans")).EnumerateArray().Select(p => p.GetProperty("year").GetInt32()).Should().Equal(2026);

        // An officer of another province does not see the convention, nor its committee.
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        (await officer.GetAsync($"/api/v1/conventions/{id}/committee")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officer.PutAsJsonAsync($"/api/v1/conventions/{id}/action-plans/2027", activities)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
