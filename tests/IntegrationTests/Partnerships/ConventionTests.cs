using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Partnerships;

/// <summary>Conventions: the status machine, amendments that keep the previous terms, renewal, deliverables and provinces.</summary>
public sealed class ConventionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string Today = Data.Today().ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_convention_goes_from_draft_to_active_is_amended_keeping_its_previous_terms_then_terminated_and_nothing_else()
    {
        var client = await api.AdminClientAsync("en");
        var council = await PartnerAsync(client, "ProvincialCouncil", "02.381");
        var incubator = await PartnerAsync(client, "SocialIncubator", "02.381");
        var programme = Guid.NewGuid();
        var draft = await DraftAsync(client, council, incubator, programme);
        draft.GetProperty("status").GetString().Should().Be("Draft");
        draft.GetProperty("parties").GetArrayLength().Should().Be(2);

        // Terminating or amending a draft is not a transition the machine has.
        (await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/terminate", new { version = Version(draft), terminatedOn = Today, reason = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        var signed = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/sign", new { version = Version(draft), signedOn = "2025-07-15", effectiveOn = "2025-09-01" }));
        signed.GetProperty("status").GetString().Should().Be("Active", "its effective date has come");
        signed.GetProperty("expiresOn").GetString().Should().Be("2028-08-31");

        var again = await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/sign", new { version = Version(signed), signedOn = "2025-07-15", effectiveOn = "2025-09-01" });
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(again)).Code.Should().Be("convention.transition-not-allowed");
        (await client.PutAsJsonAsync($"/api/v1/conventions/{Id(draft)}", Body(council, incubator, programme, Reference(draft), Version(signed))))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a signed convention changes by amendment only");

        var amended = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/amendments", new
        {
            version = Version(signed),
            signedOn = "2026-02-10",
            summary = "Extension à Driouch, contribution relevée",
            title = "Programme AGR — Nador et Driouch",
            durationMonths = 48,
            provinceCodes = new[] { "02.381", "02.382" },
            programmeIds = new[] { programme },
            commitments = new[] { new { partnerId = council, amount = 2_000_000m, purpose = "AGR", schedule = Array.Empty<object>() } },
        }));
        amended.GetProperty("title").GetString().Should().Be("Programme AGR — Nador et Driouch");
        amended.GetProperty("expiresOn").GetString().Should().Be("2029-08-31");
        amended.GetProperty("amendmentCount").GetInt32().Should().Be(1);
        var amendments = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{Id(draft)}/amendments");
        var previous = amendments[0].GetProperty("previousTerms");
        previous.GetProperty("title").GetString().Should().Be("Programme AGR — Nador");
        previous.GetProperty("durationMonths").GetInt32().Should().Be(36);
        previous.GetProperty("commitments")[0].GetProperty("amount").GetDecimal().Should().Be(1_500_000m);

        var terminated = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/terminate", new { version = Version(amended), terminatedOn = Today, reason = "Dissolution" }));
        terminated.GetProperty("status").GetString().Should().Be("Terminated");
        (await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/terminate", new { version = Version(terminated), terminatedOn = Today, reason = "again" }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/renew", new { reference = Data.UniqueName("R").Replace(" ", "-") }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a terminated convention is not renewed");
    }

    [Fact]
    public async Task A_convention_signed_before_its_effective_date_waits_and_is_renewed_as_a_linked_draft_once_active()
    {
        var client = await api.AdminClientAsync("en");
        var partner = await PartnerAsync(client, "PublicAgency", null);
        var draft = await DraftAsync(client, partner, null, Guid.NewGuid());
        var signed = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/sign", new { version = Version(draft), signedOn = Today, effectiveOn = "2099-01-01" }));
        signed.GetProperty("status").GetString().Should().Be("Signed");
        (await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/renew", new { reference = Data.UniqueName("R").Replace(" ", "-") }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "only an active or expired convention is renewed");

        var other = await DraftAsync(client, partner, null, Guid.NewGuid());
        var active = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/conventions/{Id(other)}/sign", new { version = Version(other), signedOn = "2024-01-10", effectiveOn = "2024-01-10" }));
        var onTaken = await client.PostAsJsonAsync($"/api/v1/conventions/{Id(active)}/renew", new { reference = Reference(draft) });
        onTaken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(onTaken)).Code.Should().Be("convention.reference-taken");
        var reference = "REN-" + Guid.NewGuid().ToString("N")[..10];
        var renewed = await client.PostAsJsonAsync($"/api/v1/conventions/{Id(active)}/renew", new { reference });
        renewed.StatusCode.Should().Be(HttpStatusCode.Created);
        var renewal = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        renewal.GetProperty("status").GetString().Should().Be("Draft");
        renewal.GetProperty("renewalOf").GetGuid().Should().Be(Id(active));
        renewal.GetProperty("reference").GetString().Should().Be(reference.ToUpperInvariant());
        renewal.GetProperty("parties")[0].GetProperty("partnerId").GetGuid().Should().Be(partner);
    }

    [Fact]
    public async Task A_pending_deliverable_past_its_due_date_reads_as_late_until_it_is_recorded_done()
    {
        var client = await api.AdminClientAsync("en");
        var partner = await PartnerAsync(client, "Association", "02.381");
        var convention = await DraftAsync(client, partner, null, Guid.NewGuid());

        var added = await client.PostAsJsonAsync($"/api/v1/conventions/{Id(convention)}/obligations", new { partnerId = partner, description = "Rapport semestriel", dueOn = "2020-01-31" });
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        var obligation = await added.Content.ReadFromJsonAsync<JsonElement>();
        obligation.GetProperty("status").GetString().Should().Be("Late");
        (await client.PostAsJsonAsync($"/api/v1/conventions/{Id(convention)}/obligations", new { partnerId = Guid.NewGuid(), description = "x", dueOn = "2030-01-31" }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "only a party owes deliverables");

        var done = await client.PutAsJsonAsync($"/api/v1/conventions/{Id(convention)}/obligations/{Id(obligation)}", new { status = "Done", settledOn = "2020-02-03" });
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{Id(convention)}/obligations");
        list.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == Id(obligation)).GetProperty("status").GetString().Should().Be("Done");
        (await client.PutAsJsonAsync($"/api/v1/conventions/{Id(convention)}/obligations/{Id(obligation)}", new { status = "Late" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Terms_that_do_not_hold_together_are_refused()
    {
        var client = await api.AdminClientAsync("en");
        var partner = await PartnerAsync(client, "Bank", null);
        var programme = Guid.NewGuid();

        var unbalanced = await client.PostAsJsonAsync("/api/v1/conventions", new
        {
            reference = "X-" + Guid.NewGuid().ToString("N")[..12], title = "Financement", kind = "Specific", durationMonths = 12,
            parties = new[] { new { partnerId = partner, role = "Funder" } },
            commitments = new[] { new { partnerId = partner, amount = 1000m, schedule = new[] { new { dueOn = "2026-01-01", amount = 400m } } } },
        });
        unbalanced.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(unbalanced)).Code.Should().Be("convention.schedule-does-not-add-up");

        var stranger = await client.PostAsJsonAsync("/api/v1/conventions", new
        {
            reference = "X-" + Guid.NewGuid().ToString("N")[..12], title = "Financement", kind = "Specific", durationMonths = 12,
            parties = new[] { new { partnerId = Guid.NewGuid(), role = "Funder" } },
        });
        stranger.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        var first = await DraftAsync(client, partner, null, programme);
        var taken = await client.PostAsJsonAsync("/api/v1/conventions", Body(partner, null, programme, Reference(first).ToLowerInvariant(), null));
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(taken)).Code.Should().Be("convention.reference-taken");
    }

    [Fact]
    public async Task An_officer_reads_and_lists_the_conventions_of_his_provinces_only()
    {
        var admin = await api.AdminClientAsync("en");
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"), language: "en");
        var partner = await PartnerAsync(admin, "Association", null);
        var nador = await DraftAsync(admin, partner, null, Guid.NewGuid(), "02.381");
        var taounate = await DraftAsync(admin, partner, null, Guid.NewGuid(), "03.531");

        (await officer.GetAsync($"/api/v1/conventions/{Id(nador)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/api/v1/conventions/{Id(taounate)}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/conventions?partnerId={partner}");
        listed.GetProperty("items").EnumerateArray().Select(Id).Should().Equal(Id(taounate));
        (await officer.PostAsJsonAsync("/api/v1/conventions", Body(partner, null, Guid.NewGuid(), "OFF-" + Guid.NewGuid().ToString("N")[..8], null, "02.381")))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_nightly_refresh_puts_a_signed_convention_in_force_on_its_effective_day_and_expires_it_after_its_last_day()
    {
        var client = await api.AdminClientAsync("en");
        var partner = await PartnerAsync(client, "Association", "02.381");
        var draft = await DraftAsync(client, partner, null, Guid.NewGuid());
        var tomorrow = Data.Today().AddDays(1).ToString("yyyy-MM-dd");
        var signed = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/conventions/{Id(draft)}/sign", new { version = Version(draft), signedOn = Today, effectiveOn = tomorrow }));
        signed.GetProperty("status").GetString().Should().Be("Signed");

        // The calendar moves on (the row's dates, not the clock: the host's clock is shared by the class).
        await api.ExecuteAsync($"UPDATE partnerships.conventions SET effective_on = DATE '2020-01-01', expires_on = DATE '2020-12-31' WHERE id = '{Id(draft)}'");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new global::Partnerships.Application.Conventions.RefreshConventionStatusesCommand());
        }

        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/conventions/{Id(draft)}")).GetProperty("status").GetString().Should().Be("Expired");
    }

    internal static async Task<Guid> PartnerAsync(HttpClient client, string type, string? province)
    {
        var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: type, province: province));
        response.EnsureSuccessStatusCode();
        return Id(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    internal static async Task<JsonElement> DraftAsync(HttpClient client, Guid partner, Guid? incubator, Guid programme, string? province = "02.381")
    {
        var response = await client.PostAsJsonAsync("/api/v1/conventions", Body(partner, incubator, programme, "CONV-" + Guid.NewGuid().ToString("N")[..12], null, province));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static object Body(Guid partner, Guid? incubator, Guid programme, string reference, uint? version, string? province = "02.381") => new
    {
        reference,
        title = "Programme AGR — Nador",
        kind = "Specific",
        provinceCode = province,
        managerEmail = "manager@ads.test",
        parties = incubator is { } i
            ? new[] { new { partnerId = partner, role = "Funder" }, new { partnerId = i, role = "Incubator" } }
            : new[] { new { partnerId = partner, role = "Funder" } },
        durationMonths = 36,
        provinceCodes = new[] { "02.381" },
        programmeIds = new[] { programme },
        commitments = new[]
        {
            new { partnerId = partner, amount = 1_500_000m, purpose = "AGR", schedule = new[] { new { dueOn = "2025-09-01", amount = 750_000m }, new { dueOn = "2026-09-01", amount = 750_000m } } },
        },
        obligations = new[] { new { partnerId = (Guid?)partner, description = "Rapport annuel", dueOn = "2026-12-31" } },
        version,
    };

    internal static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    internal static uint Version(JsonElement e) => e.GetProperty("version").GetUInt32();

    private static string Reference(JsonElement e) => e.GetProperty("reference").GetString()!;

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        ((int)response.StatusCode).Should().BeInRange(200, 201, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
