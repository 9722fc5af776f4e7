using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationTests;

public sealed class FakeClockFactory : ApiFactory
{
    public FakeClockFactory()
    {
        // Half an hour in the past, so that tokens stamped with it stay valid for the real token
        // validator even after a test advances it.
        Clock = Time;
        With("Messaging:RetryDelay", "00:10:00");
        With("Messaging:MaxAttempts", "10");
    }

    public FakeTimeProvider Time { get; } = new(WholeSeconds(DateTimeOffset.UtcNow.AddMinutes(-30)));

    // PostgreSQL keeps microseconds; a whole second compares equal after the round trip.
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

/// <summary>The host reads time only from TimeProvider: what it stores and when it retries follow the clock it is given.</summary>
public sealed class TimeTests(FakeClockFactory api) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task What_the_host_stamps_comes_from_its_clock()
    {
        var client = await api.AdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "PublicAgency"));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        created.GetProperty("registeredOn").GetDateTimeOffset().Should().Be(api.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_failed_message_is_retried_when_its_clock_says_the_delay_has_passed()
    {
        _ = api.Server;
        var poison = Guid.NewGuid();
        await api.ExecuteAsync(
            $$"""
             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
             VALUES ('{{poison}}', 'Reporting.Application.Partners.RecordPartner.PartnerRegisteredHandler',
                     'partnerships.partner-registered.v1', '{"partnerId": "not-a-guid"}', now(), now(), 0)
             """);
        await Eventually.Until(() => api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{poison}'"), n => n == 1);

        // Real seconds pass, the host's clock does not: the ten-minute retry delay has not elapsed.
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{poison}'")).Should().Be(1);

        api.Time.Advance(TimeSpan.FromMinutes(11));

        await Eventually.Until(() => api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{poison}'"), n => n == 2);
    }
}
