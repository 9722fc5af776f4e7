using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Applicants.Contracts;
using BuildingBlocks.Infrastructure.Messaging;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Partnerships;

/// <summary>
/// The partners' status feed, built from Applicants' stage-change events published for real
/// (written to Applicants' outbox, relayed, handled by Partnerships' inbox), and its isolation.
/// </summary>
public sealed class StatusFeedTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_referrer_and_the_programmes_sponsors_follow_a_project_and_nobody_else_sees_it()
    {
        var admin = await api.AdminClientAsync("en");
        var referrer = await ConventionTests.PartnerAsync(admin, "Association", "02.381");
        var sponsor = await ConventionTests.PartnerAsync(admin, "ProvincialCouncil", "02.381");
        var stranger = await ConventionTests.PartnerAsync(admin, "Bank", null);
        var programme = Guid.NewGuid();
        var convention = await ConventionTests.DraftAsync(admin, sponsor, null, programme);
        (await admin.PostAsJsonAsync($"/api/v1/conventions/{ConventionTests.Id(convention)}/sign", new { version = ConventionTests.Version(convention), signedOn = "2025-07-15", effectiveOn = "2025-09-01" }))
            .EnsureSuccessStatusCode();
        var referrerSystem = await api.PartnerSystemAsync(admin, referrer, "status:read");
        var sponsorSystem = await api.PartnerSystemAsync(admin, sponsor, "status:read");
        var strangerSystem = await api.PartnerSystemAsync(admin, stranger, "status:read");
        var application = Guid.NewGuid();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        // Out of order and twice: the feed places changes by their sequence and keeps each once.
        await PublishAsync(application, programme, referrer, null, "Submitted", 1);
        await PublishAsync(application, programme, referrer, "UnderReview", "Approved", 3, "Approved");
        await PublishAsync(application, programme, referrer, "Submitted", "UnderReview", 2);
        await PublishAsync(application, programme, referrer, null, "Submitted", 1);

        var feed = await Eventually.Until(
            () => referrerSystem.GetFromJsonAsync<JsonElement>($"/api/v1/partner/projects?changedSince={Uri.EscapeDataString(before.ToString("O"))}"),
            f => f.GetProperty("items").EnumerateArray().Any(p => p.GetProperty("applicationId").GetGuid() == application && p.GetProperty("history").GetArrayLength() == 3));
        var project = feed.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("applicationId").GetGuid() == application);
        project.GetProperty("stage").GetString().Should().Be("Approved");
        project.GetProperty("sequence").GetInt32().Should().Be(3);
        project.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("toStage").GetString()).Should().Equal("Submitted", "UnderReview", "Approved");

        (await sponsorSystem.GetFromJsonAsync<JsonElement>($"/api/v1/partner/projects/{application}")).GetProperty("stage").GetString().Should().Be("Approved");
        (await strangerSystem.GetAsync($"/api/v1/partner/projects/{application}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await strangerSystem.GetFromJsonAsync<JsonElement>("/api/v1/partner/projects")).GetProperty("items").EnumerateArray()
            .Should().NotContain(p => p.GetProperty("applicationId").GetGuid() == application);

        // Polling from the last updatedOn seen brings nothing new until something changes.
        var last = project.GetProperty("updatedOn").GetDateTimeOffset().AddTicks(10);
        (await referrerSystem.GetFromJsonAsync<JsonElement>($"/api/v1/partner/projects?changedSince={Uri.EscapeDataString(last.ToString("O"))}"))
            .GetProperty("items").EnumerateArray().Should().NotContain(p => p.GetProperty("applicationId").GetGuid() == application);
    }

    [Fact]
    public async Task A_key_without_the_status_scope_is_refused_the_feed()
    {
        var admin = await api.AdminClientAsync("en");
        var partner = await ConventionTests.PartnerAsync(admin, "Association", "03.531");
        var webhooksOnly = await api.PartnerSystemAsync(admin, partner, "webhooks:manage");

        (await webhooksOnly.GetAsync("/api/v1/partner/projects")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await webhooksOnly.GetAsync("/api/v1/partner/profile")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Writes the event to Applicants' outbox, as Applicants' own command would, for the relay to deliver.</summary>
    private Task PublishAsync(Guid application, Guid programme, Guid? referrer, string? from, string to, int sequence, string? outcome = null)
    {
        var changedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(1)).AddDays(sequence);
        var e = new ApplicationStageChangedIntegrationEvent(application, programme, referrer, from, to, outcome, sequence, changedAt, changedAt);
        var content = MessageSerializer.Serialize(e).Replace("'", "''", StringComparison.Ordinal);
        return api.ExecuteAsync(
            $"INSERT INTO applicants.outbox_messages (id, type, content, occurred_on) VALUES ('{Guid.CreateVersion7()}', '{MessageSerializer.TypeName(e.GetType())}', '{content}'::jsonb, now())");
    }
}
