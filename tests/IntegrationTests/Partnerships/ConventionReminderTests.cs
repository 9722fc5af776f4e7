using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Email;
using IntegrationTests.Mentoring;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Infrastructure.Jobs;

namespace IntegrationTests.Partnerships;

/// <summary>
/// The daily convention reminders with a fake clock, through the BuildingBlocks reminder ledger:
/// a convention expiring within 60 days and a deliverable past due, each told once to the
/// convention's manager however many times the job runs.
/// </summary>
public sealed class ConventionReminderTests : IClassFixture<ReminderFactory>
{
    private readonly ReminderFactory api;

    public ConventionReminderTests(ReminderFactory api)
    {
        this.api = api;
        api.FakeClock.SetUtcNow(ReminderFactory.Start);
    }

    [Fact]
    public async Task A_convention_expiring_within_60_days_is_announced_once_to_its_manager()
    {
        var manager = $"manager.{Guid.NewGuid():N}@ads.test";
        var (id, reference) = await SignedConventionAsync(manager, obligationDueOn: null);

        // It expires on 2028-08-31 (36 months from 2025-09-01).
        await RunOnAsync(new DateOnly(2028, 6, 30));
        SentTo(manager).Should().BeEmpty("62 days ahead is not yet within 60");

        await RunOnAsync(new DateOnly(2028, 7, 3));
        await RunOnAsync(new DateOnly(2028, 7, 3));
        await RunOnAsync(new DateOnly(2028, 7, 20));

        var message = SentTo(manager).Should().ContainSingle().Subject;
        message.DeliveryKey.Should().Be($"expiry:{id}:2028-08-31");
        message.Subject.Should().Contain(reference).And.Contain("31/08/2028");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.reminders WHERE key LIKE 'expiry:{id}:%'")).Should().Be(1);
    }

    [Fact]
    public async Task A_deliverable_past_due_is_reminded_once_to_the_conventions_manager()
    {
        var manager = $"manager.{Guid.NewGuid():N}@ads.test";
        var (id, _) = await SignedConventionAsync(manager, obligationDueOn: "2027-03-31");

        await RunOnAsync(new DateOnly(2027, 3, 31));
        SentTo(manager).Should().BeEmpty("it is due that day, not yet late");

        await RunOnAsync(new DateOnly(2027, 4, 1));
        await RunOnAsync(new DateOnly(2027, 4, 1));
        await RunOnAsync(new DateOnly(2027, 4, 2));

        var message = SentTo(manager).Should().ContainSingle().Subject;
        message.DeliveryKey.Should().StartWith("obligation:").And.EndWith(":2027-03-31");
        message.TextBody.Should().Contain("Rapport semestriel d'incubation").And.Contain("31/03/2027");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.reminders WHERE kind = 'obligation' AND recipient = '{manager}'")).Should().Be(1);
        id.Should().NotBeEmpty();
    }

    private List<EmailMessage> SentTo(string email) => [.. api.Emails.Sent.Where(m => m.To == email)];

    /// <summary>Runs the daily job at 10:00 in Casablanca on that day, as Hangfire would.</summary>
    private async Task RunOnAsync(DateOnly day)
    {
        api.FakeClock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConventionRemindersJob>().RunAsync(CancellationToken.None);
    }

    private async Task<(Guid Id, string Reference)> SignedConventionAsync(string manager, string? obligationDueOn)
    {
        var admin = await api.AdminClientAsync("en");
        var partner = await ConventionTests.PartnerAsync(admin, "SocialIncubator", "02.381");
        var reference = "CONV-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var drafted = await admin.PostAsJsonAsync("/api/v1/conventions", new
        {
            reference,
            title = "Incubation des porteurs de projets — Nador",
            kind = "Specific",
            provinceCode = "02.381",
            managerEmail = manager,
            parties = new[] { new { partnerId = partner, role = "Incubator" } },
            durationMonths = 36,
            provinceCodes = new[] { "02.381" },
            programmeIds = Array.Empty<Guid>(),
            commitments = Array.Empty<object>(),
            obligations = obligationDueOn is null
                ? Array.Empty<object>()
                : new object[] { new { partnerId = (Guid?)partner, description = "Rapport semestriel d'incubation", dueOn = obligationDueOn } },
        });
        drafted.StatusCode.Should().Be(HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var convention = await drafted.Content.ReadFromJsonAsync<JsonElement>();
        (await admin.PostAsJsonAsync($"/api/v1/conventions/{ConventionTests.Id(convention)}/sign", new { version = ConventionTests.Version(convention), signedOn = "2025-07-15", effectiveOn = "2025-09-01" }))
            .EnsureSuccessStatusCode();
        return (ConventionTests.Id(convention), reference);
    }
}
