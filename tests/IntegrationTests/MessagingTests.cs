using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Infrastructure.Messaging;
using BuildingBlocks.Infrastructure.Modules;
using IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Contracts;

namespace IntegrationTests;

/// <summary>The outbox, the relay and the inbox, on the real database.</summary>
public sealed class MessagingTests
{
    private static readonly string RegisteredEvent = ReportingInbox.RegisteredEvent;
    private static readonly string UpdatedEvent = MessageSerializer.TypeName(typeof(PartnerUpdatedIntegrationEvent));
    private const string ReportingHandler = ReportingInbox.Handler;

    [Fact]
    public async Task An_event_committed_just_before_the_process_died_is_delivered_after_restart()
    {
        var province = Data.UniqueProvince();
        await using var dying = new ApiFactory().With("Messaging:DispatcherEnabled", "false");
        var client = await dying.AdminClientAsync();
        var created = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Cooperative", province: province));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var partner = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await dying.ScalarAsync<long>("SELECT count(*) FROM partnerships.outbox_messages WHERE processed_on IS NULL")).Should().BeGreaterThan(0);
        (await dying.ScalarAsync<long>("SELECT count(*) FROM reporting.partner_facts")).Should().Be(0);

        // The process goes away with the event still in the outbox: nothing of it survives but the database.
        await dying.StopHostAsync();

        await using var restarted = ApiFactory.OnDatabaseOf(dying);
        var after = await restarted.AdminClientAsync();
        var report = await Eventually.Until(
            () => after.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"),
            r => r.GetProperty("total").GetInt32() == 1);

        report.GetProperty("byType")[0].GetProperty("type").GetString().Should().Be("Cooperative");
        (await restarted.ScalarAsync<long>($"SELECT count(*) FROM reporting.partner_facts WHERE partner_id = '{partner}'")).Should().Be(1);
        (await restarted.ScalarAsync<long>("SELECT count(*) FROM partnerships.outbox_messages WHERE processed_on IS NULL")).Should().Be(0);
    }

    [Fact]
    public async Task An_event_delivered_twice_is_handled_once()
    {
        await using var api = new ApiFactory();
        var client = await api.AdminClientAsync();
        var created = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Bank"));
        var partner = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.Until(() => api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE processed_on IS NOT NULL AND content->>'partnerId' = '{partner}'"), n => n == 1);

        // As if the relay had died after delivering but before marking the outbox row: it delivers again.
        await api.ExecuteAsync($"UPDATE partnerships.outbox_messages SET processed_on = NULL WHERE content->>'partnerId' = '{partner}'");
        await Eventually.Until(() => api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.outbox_messages WHERE processed_on IS NULL"), n => n == 0);

        (await api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE content->>'partnerId' = '{partner}'")).Should().Be(1);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM reporting.partner_facts WHERE partner_id = '{partner}'")).Should().Be(1);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_parked_and_the_ones_behind_it_go_on()
    {
        await using var api = new ApiFactory().With("Messaging:MaxAttempts", "3");
        var client = await api.AdminClientAsync();
        var poison = Guid.NewGuid();
        await api.ExecuteAsync(
            $$"""
             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
             VALUES ('{{poison}}', '{{ReportingHandler}}', '{{RegisteredEvent}}', '{"partnerId": "not-a-guid"}', now(), now() - interval '1 minute', 0)
             """);
        var province = Data.UniqueProvince();

        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: province))).EnsureSuccessStatusCode();

        await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"),
            r => r.GetProperty("total").GetInt32() == 1);
        await Eventually.Until(() => api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE message_id = '{poison}' AND parked_on IS NOT NULL"), n => n == 1);
        (await api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{poison}'")).Should().Be(3);
        (await api.ScalarAsync<string>($"SELECT last_error FROM reporting.inbox_messages WHERE message_id = '{poison}'")).Should().Contain("Json");
        (await api.ScalarAsync<DateTime?>($"SELECT processed_on FROM reporting.inbox_messages WHERE message_id = '{poison}'")).Should().BeNull();

        // The operator sees it, mends its cause and sends it back.
        var parked = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/parked-messages");
        var listed = parked.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("messageId").GetGuid() == poison);
        listed.GetProperty("module").GetString().Should().Be("Reporting");
        listed.GetProperty("attempts").GetInt32().Should().Be(3);
        var partner = Guid.NewGuid();
        await api.ExecuteAsync(
            $$"""
             UPDATE reporting.inbox_messages
             SET content = '{"id": "{{poison}}", "partnerId": "{{partner}}", "partnerType": "Bank", "provinceCode": "{{province}}", "occurredOn": "2026-11-22T10:00:00+00:00"}'
             WHERE message_id = '{{poison}}'
             """);

        var retried = await client.PostAsJsonAsync($"/api/v1/admin/parked-messages/Reporting/{poison}/retry", new { handler = ReportingHandler });

        retried.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"),
            r => r.GetProperty("total").GetInt32() == 2);
        (await client.PostAsJsonAsync($"/api/v1/admin/parked-messages/Reporting/{poison}/retry", new { handler = ReportingHandler }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "it is no longer parked");
    }

    [Fact]
    public async Task Replaying_a_handler_rebuilds_its_read_model_from_the_outbox()
    {
        await using var api = new ApiFactory();
        var client = await api.AdminClientAsync();
        var province = Data.UniqueProvince();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: province))).EnsureSuccessStatusCode();
        }

        await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"), r => r.GetProperty("total").GetInt32() == 3);
        await api.ExecuteAsync($"DELETE FROM reporting.partner_facts WHERE province_code = '{province}'");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}")).GetProperty("total").GetInt32().Should().Be(0);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/subscriptions");
        listed.EnumerateArray().Should().Contain(s => s.GetProperty("handler").GetString() == ReportingHandler && s.GetProperty("module").GetString() == "Reporting");

        var replay = await client.PostAsJsonAsync("/api/v1/admin/subscriptions/replay", new { module = "Reporting", handler = ReportingHandler });

        replay.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt64().Should().BeGreaterThanOrEqualTo(3);
        await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"), r => r.GetProperty("total").GetInt32() == 3);
        (await client.PostAsJsonAsync("/api/v1/admin/subscriptions/replay", new { module = "Reporting", handler = "Nowhere.Handler" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_hosts_relaying_the_same_outboxes_handle_each_event_once()
    {
        await using var first = new ApiFactory();
        var client = await first.AdminClientAsync();
        await using var second = ApiFactory.OnDatabaseOf(first);
        _ = second.Server; // starts the second host and its dispatcher
        var province = Data.UniqueProvince();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: i % 2 == 0 ? "Bank" : "Association", province: province))));

        var report = await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"),
            r => r.GetProperty("total").GetInt32() == 20);
        report.GetProperty("byType").EnumerateArray().Select(t => t.GetProperty("count").GetInt32()).Should().Equal(10, 10);
        (await first.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE handler = '{ReportingHandler}' AND content->>'provinceCode' = '{province}'")).Should().Be(20);
    }

    [Fact]
    public async Task A_handler_that_changes_an_aggregate_directly_has_its_domain_and_integration_events_written_in_its_transaction()
    {
        await using var api = new ApiFactory().WithServices(services => services.SubscribeFromTests("Partnerships"));
        var client = await api.AdminClientAsync();
        var province = Data.UniqueProvince();

        var created = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: province));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var partner = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The test handler renamed the partner in Partnerships' inbox transaction: the domain event
        // of that change published an update, written to the outbox with the change.
        await Eventually.Until(
            () => api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.outbox_messages WHERE type = '{UpdatedEvent}' AND content->>'partnerId' = '{partner}'"),
            n => n == 1);
        (await api.ScalarAsync<string>($"SELECT name FROM partnerships.partners WHERE id = '{partner}'")).Should().EndWith(VerifyPartnerWhenRegistered.Suffix);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.inbox_messages WHERE processed_on IS NOT NULL AND content->>'partnerId' = '{partner}'")).Should().Be(1);
        // And the update travels on like any other: Reporting applies it.
        await Eventually.Until(
            () => api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE type = '{UpdatedEvent}' AND processed_on IS NOT NULL AND content->>'partnerId' = '{partner}'"),
            n => n == 1);
    }

    [Fact]
    public async Task A_handler_failing_under_concurrency_is_run_exactly_as_often_as_allowed_then_parked()
    {
        const int messages = 40;
        const int maxAttempts = 4;
        var failing = new FailingHandler<PartnerRegisteredIntegrationEvent>();
        await using var api = new ApiFactory()
            .With("Messaging:MaxAttempts", maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Messaging:InboxMaxConcurrency", "8")
            .With("Messaging:RetryDelay", "00:00:00")
            .WithServices(services => services.FailReportingHandler(failing));
        _ = api.Server;

        // Retries are due at once and eight workers compete for the same rows: a row whose lock is
        // released before its failure is recorded would be taken and run again in that gap.
        await api.ExecuteAsync(
            $$"""
             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
             SELECT id, '{{ReportingHandler}}', '{{RegisteredEvent}}',
                    json_build_object('id', id, 'partnerId', gen_random_uuid(), 'partnerType', 'Bank', 'occurredOn', now()), now(), now(), 0
             FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, {{messages}})) AS ids
             """);

        await Eventually.Until(
            () => api.ScalarAsync<long>("SELECT count(*) FROM reporting.inbox_messages WHERE parked_on IS NOT NULL"),
            n => n == messages,
            TimeSpan.FromSeconds(60));

        (await api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE attempts <> {maxAttempts} OR processed_on IS NOT NULL")).Should().Be(0);
        (await api.ScalarAsync<long>("SELECT count(*) FROM reporting.inbox_messages WHERE last_error NOT LIKE '%always fails%'")).Should().Be(0);
        failing.Runs.Should().HaveCount(messages);
        failing.Runs.Values.Should().OnlyContain(runs => runs == maxAttempts, "each failure is counted before another worker can take the row");
        failing.Overlaps.Should().Be(0);
    }

    [Fact]
    public async Task The_relay_goes_on_while_an_inbox_is_busy()
    {
        var gated = new GatedHandler<PartnerRegisteredIntegrationEvent>();
        await using var api = new ApiFactory().WithServices(services => services.AddScoped(TestSubscriptions.ReportingRegisteredHandler, _ => gated));
        try
        {
            var client = await api.AdminClientAsync();
            (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner())).EnsureSuccessStatusCode();
            await Eventually.Until(() => Task.FromResult(gated.Entered), n => n > 0);

            var second = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner());
            second.EnsureSuccessStatusCode();
            var id = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            // Under load the inbox is always busy: the relay waiting for it capped both at one batch per pass.
            await Eventually.Until(
                () => api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.outbox_messages WHERE content->>'partnerId' = '{id}' AND processed_on IS NOT NULL"),
                n => n == 1);
        }
        finally
        {
            gated.Release();
        }
    }

    [Fact]
    public async Task Inbox_messages_are_handled_several_per_transaction_and_a_failing_one_fails_alone()
    {
        const int messages = 30;
        await using var api = new ApiFactory().With("Messaging:MaxAttempts", "1");
        var province = Data.UniqueProvince();
        var poison = Guid.NewGuid();
        _ = api.Server;

        // One statement: the rows appear together, as after a burst of registrations.
        await api.BurstWithPoisonAsync(province, messages, poison);

        await Eventually.Until(
            () => api.ScalarAsync<long>("SELECT count(*) FROM reporting.inbox_messages WHERE processed_on IS NOT NULL OR parked_on IS NOT NULL"),
            n => n == messages + 1);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM reporting.partner_facts WHERE province_code = '{province}'")).Should().Be(messages);
        // Not xmin: each message's savepoint is a subtransaction with an id of its own. A transaction
        // marks its messages with its one time; one message per transaction gave each its own.
        (await api.ScalarAsync<long>("SELECT count(DISTINCT processed_on) FROM reporting.inbox_messages WHERE processed_on IS NOT NULL"))
            .Should().BeLessThan(messages / 2, "messages share transactions");
        (await api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{poison}' AND parked_on IS NOT NULL")).Should().Be(1);
    }

    [Fact]
    public async Task An_inbox_message_whose_type_no_subscriber_knows_is_parked_at_once_saying_so()
    {
        await using var api = new ApiFactory();
        _ = api.Server;
        var stray = Guid.NewGuid();

        await api.ExecuteAsync(
            $$"""
             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
             VALUES ('{{stray}}', '{{ReportingHandler}}', 'partnerships.partner-vanished.v1', '{"id": "{{stray}}"}', now(), now(), 0)
             """);

        await Eventually.Until(() => api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE message_id = '{stray}' AND parked_on IS NOT NULL"), n => n == 1);
        (await api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{stray}'")).Should().Be(1, "retrying cannot teach the host a type it does not know");
        (await api.ScalarAsync<string>($"SELECT last_error FROM reporting.inbox_messages WHERE message_id = '{stray}'")).Should().Contain("partnerships.partner-vanished.v1").And.Contain("No subscription");
        (await api.ScalarAsync<DateTime?>($"SELECT processed_on FROM reporting.inbox_messages WHERE message_id = '{stray}'")).Should().BeNull();
    }

    [Fact]
    public async Task An_outbox_message_of_a_type_this_host_does_not_know_is_left_pending_not_forgotten()
    {
        await using var api = new ApiFactory();
        var client = await api.AdminClientAsync();
        var stray = Guid.NewGuid();
        await api.ExecuteAsync(
            $$"""
             INSERT INTO partnerships.outbox_messages (id, type, content, occurred_on)
             VALUES ('{{stray}}', 'partnerships.partner-from-a-newer-release.v1', '{"id": "{{stray}}"}', now() - interval '1 minute')
             """);
        var province = Data.UniqueProvince();

        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: province))).EnsureSuccessStatusCode();

        await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"), r => r.GetProperty("total").GetInt32() == 1);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.outbox_messages WHERE id = '{stray}' AND processed_on IS NULL")).Should().Be(1, "a host that knows the type relays it later");
    }

    [Fact]
    public async Task Rows_stored_under_class_names_are_renamed_to_contract_names_by_a_migration()
    {
        await using var api = new ApiFactory().With("Messaging:DispatcherEnabled", "false");
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var partnerships = ((DbContext)scope.ServiceProvider.GetRequiredService(catalog.Named("Partnerships")!.DbContextType)).GetService<IMigrator>();
        var reporting = ((DbContext)scope.ServiceProvider.GetRequiredService(catalog.Named("Reporting")!.DbContextType)).GetService<IMigrator>();
        await partnerships.MigrateAsync("20261122225908_Initial");
        await reporting.MigrateAsync("20261122225912_Initial");
        var outboxed = Guid.NewGuid();
        var received = Guid.NewGuid();
        await api.ExecuteAsync(
            $$"""
             INSERT INTO partnerships.outbox_messages (id, type, content, occurred_on)
             VALUES ('{{outboxed}}', 'Partnerships.Contracts.PartnerUpdatedIntegrationEvent', '{}', now());
             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
             VALUES ('{{received}}', '{{ReportingHandler}}', 'Partnerships.Contracts.PartnerRegisteredIntegrationEvent', '{}', now(), now(), 0);
             """);

        await partnerships.MigrateAsync();
        await reporting.MigrateAsync();

        (await api.ScalarAsync<string>($"SELECT type FROM partnerships.outbox_messages WHERE id = '{outboxed}'")).Should().Be(UpdatedEvent);
        (await api.ScalarAsync<string>($"SELECT type FROM reporting.inbox_messages WHERE message_id = '{received}'")).Should().Be(RegisteredEvent);
    }
}
