using System.Net;
using System.Net.Http.Json;
using BuildingBlocks.Infrastructure.Messaging;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partnerships.Contracts;
using Xunit.Abstractions;

namespace IntegrationTests;

/// <summary>
/// What the event pipeline costs on the wire and how it keeps up (issue 13): the statements it
/// sends per event, counted by pg_stat_statements, and its workers under a backlog.
/// </summary>
public sealed class EventPipelineCostTests(ITestOutputHelper output)
{
    private static readonly string RegisteredEvent = ReportingInbox.RegisteredEvent;
    private const string ReportingHandler = ReportingInbox.Handler;

    [Fact]
    public async Task An_event_costs_no_savepoint_and_wakes_only_the_outbox_written_and_the_inboxes_it_reaches()
    {
        // No poll during the test: whatever the dispatcher sends, a wake caused it.
        await using var api = new ApiFactory().With("Messaging:PollInterval", "00:10:00");
        var client = await api.AdminClientAsync();
        if (!await api.StatementStatisticsAsync())
        {
            return;
        }

        var subscribers = api.Services.GetRequiredService<Subscriptions>().For(RegisteredEvent).Select(s => s.Module.Schema).Distinct().ToList();
        subscribers.Should().Contain("reporting");
        var pending = string.Join(" + ", subscribers.Select(s => $"(SELECT count(*) FROM \"{s}\".inbox_messages WHERE processed_on IS NULL)"));
        var handled = string.Join(" + ", subscribers.Select(s => $"(SELECT count(*) FROM \"{s}\".inbox_messages WHERE processed_on IS NOT NULL)"));
        // The start's passes over every module are over once a first event went through.
        await RegisterAsync(client, 1);
        await Eventually.Until(() => api.ScalarAsync<long>($"SELECT {handled}"), n => n >= subscribers.Count);

        const int registrations = 5;
        Counts before, after;
        var attempt = 0;
        do
        {
            before = await CountsAsync(api);
            var handledBefore = await api.ScalarAsync<long>($"SELECT {handled}");
            await RegisterAsync(client, registrations);
            await Eventually.Until(
                async () => (Handled: await api.ScalarAsync<long>($"SELECT {handled}"), Pending: await api.ScalarAsync<long>($"SELECT {pending}")),
                c => c.Handled - handledBefore >= registrations * subscribers.Count && c.Pending == 0);
            after = await CountsAsync(api);
        }
        while (after.Evictions != before.Evictions && ++attempt < 5);

        after.Evictions.Should().Be(before.Evictions, "five attempts in a row cannot all have seen the statistics evicted");
        var inboxSelects = Delta(before.InboxSelects, after.InboxSelects);
        var outboxSelects = Delta(before.OutboxSelects, after.OutboxSelects);
        output.WriteLine($"per registration: {(after.Savepoints - before.Savepoints) / (double)registrations} inbox savepoints, "
            + $"{inboxSelects.Values.Sum() / (double)registrations} inbox SELECTs ({string.Join(", ", inboxSelects.Select(p => $"{p.Key} {p.Value}"))}), "
            + $"{outboxSelects.Values.Sum() / (double)registrations} outbox SELECTs ({string.Join(", ", outboxSelects.Select(p => $"{p.Key} {p.Value}"))}), "
            + $"{(after.Statements - before.Statements) / (double)registrations} statements in all but the test's own");

        (after.Savepoints - before.Savepoints).Should().Be(0, "a batch whose handlers all succeed needs no savepoint");
        (after.Reads - before.Reads).Should().Be(0, "no name check before the insert (the unique index decides), no read-back for the 201, and Reporting records a partner's first event without reading");
        outboxSelects.Where(p => p.Value > 0).Select(p => p.Key).Should().BeEquivalentTo(["partnerships"], "a commit wakes the relay for the outbox it wrote");
        inboxSelects.Where(p => p.Value > 0).Select(p => p.Key).Should().BeSubsetOf(subscribers, "the relay wakes the inboxes it wrote to, no other");
        inboxSelects.Values.Sum().Should().BeLessThanOrEqualTo(registrations * subscribers.Count, "one worker and one query per wake when idle");
    }

    [Fact]
    public async Task A_batch_holding_a_failing_message_commits_the_others_and_counts_the_failure_once()
    {
        const int messages = 30;
        await using var api = new ApiFactory().With("Messaging:RetryDelay", "01:00:00");
        var province = Data.UniqueProvince();
        var poison = Guid.NewGuid();
        _ = api.Server;
        var statistics = await api.StatementStatisticsAsync();
        var before = statistics ? await CountsAsync(api) : null;

        // One statement: the rows appear together, the poison amid them, as in one batch.
        await api.BurstWithPoisonAsync(province, messages, poison);

        await Eventually.Until(
            () => api.ScalarAsync<long>($"SELECT count(*) FROM reporting.partner_facts WHERE province_code = '{province}'"),
            n => n == messages);
        await Eventually.Until(() => api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{poison}'"), n => n >= 1);

        (await api.ScalarAsync<long>("SELECT count(*) FROM reporting.inbox_messages WHERE processed_on IS NOT NULL AND message_id <> '" + poison + "'")).Should().Be(messages);
        (await api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{poison}'")).Should().Be(1, "the batch's rollback counts nothing; the message taken alone counts once");
        (await api.ScalarAsync<bool>($"SELECT processed_on IS NULL AND parked_on IS NULL AND next_attempt_on > now() + interval '30 minutes' FROM reporting.inbox_messages WHERE message_id = '{poison}'"))
            .Should().BeTrue("it waits for its retry");
        var after = statistics ? await CountsAsync(api) : null;
        if (before is not null && after is not null && after.Evictions == before.Evictions)
        {
            // The payload failed before anything was written: counted in the batch, no savepoint, no rollback.
            (after.Savepoints - before.Savepoints).Should().Be(0);
            (after.Marks - before.Marks).Should().BeLessThan(messages / 3, "the handled messages of a batch are marked processed by one statement, not one each");
        }
    }

    [Fact]
    public async Task A_handler_failing_after_it_wrote_has_its_batch_taken_again_one_by_one_and_the_others_commit()
    {
        const int messages = 12;
        var failing = Guid.NewGuid();
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<Guid, int>();
        await using var api = new ApiFactory()
            .With("Messaging:RetryDelay", "01:00:00")
            .WithServices(services => services.AddScoped(TestSubscriptions.ReportingRegisteredHandler, sp => new WritingThenFailingHandler<PartnerRegisteredIntegrationEvent>(sp, new HashSet<Guid> { failing }, runs)));
        _ = api.Server;

        await api.ExecuteAsync(
            $$"""
             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
             SELECT id, '{{ReportingHandler}}', '{{RegisteredEvent}}',
                    json_build_object('id', id, 'partnerId', gen_random_uuid(), 'partnerType', 'Bank', 'occurredOn', now()),
                    now(), now() + n * interval '1 microsecond', 0
             FROM (SELECT CASE WHEN n = 6 THEN '{{failing}}'::uuid ELSE gen_random_uuid() END AS id, n FROM generate_series(1, {{messages}}) AS n) AS ids
             """);

        await Eventually.Until(
            () => api.ScalarAsync<long>("SELECT count(*) FROM reporting.inbox_messages WHERE processed_on IS NOT NULL OR attempts > 0"),
            n => n == messages);

        (await api.ScalarAsync<long>("SELECT count(*) FROM reporting.inbox_messages WHERE processed_on IS NOT NULL")).Should().Be(messages - 1);
        (await api.ScalarAsync<int>($"SELECT attempts FROM reporting.inbox_messages WHERE message_id = '{failing}'")).Should().Be(1);
        (await api.ScalarAsync<bool>($"SELECT processed_on IS NULL AND parked_on IS NULL FROM reporting.inbox_messages WHERE message_id = '{failing}'")).Should().BeTrue();
        runs[failing].Should().BeInRange(1, 2, "a run rolled back with its batch is run again alone, where its failure is counted");
    }

    [Fact]
    public async Task Under_a_backlog_more_workers_join_than_at_idle()
    {
        var gated = new GatedHandler<PartnerRegisteredIntegrationEvent>();
        await using var api = new ApiFactory()
            .With("Messaging:InboxMaxConcurrency", "8")
            .WithServices(services => services.AddScoped(TestSubscriptions.ReportingRegisteredHandler, _ => gated));
        try
        {
            _ = api.Server;
            await api.ExecuteAsync(
                $$"""
                 INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
                 SELECT id, '{{ReportingHandler}}', '{{RegisteredEvent}}',
                        json_build_object('id', id, 'partnerId', gen_random_uuid(), 'partnerType', 'Bank', 'occurredOn', now()), now(), now(), 0
                 FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, 400)) AS ids
                 """);

            // Each worker waits in its first handler: as many handlers entered, as many workers run.
            await Eventually.Until(() => Task.FromResult(gated.Entered), n => n >= 8);
        }
        finally
        {
            gated.Release();
        }

        await Eventually.Until(() => api.ScalarAsync<long>("SELECT count(*) FROM reporting.inbox_messages WHERE processed_on IS NULL"), n => n == 0);
    }

    private static async Task RegisterAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(Data.UniqueName("Association Relais")));
            response.StatusCode.Should().Be(HttpStatusCode.Created);
        }
    }

    private static Dictionary<string, long> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));

    private sealed record Counts(long Savepoints, long Marks, long Reads, long Statements, long Evictions, IReadOnlyDictionary<string, long> InboxSelects, IReadOnlyDictionary<string, long> OutboxSelects);

    // Not pooled: a pooled connection of the test itself would send DISCARD ALL on return.
    private static async Task<Counts> CountsAsync(ApiFactory api)
    {
        await using var connection = api.Unpooled();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH mine AS (SELECT query, calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()))
            SELECT 'savepoint', '', coalesce(sum(calls), 0)::bigint FROM mine WHERE query LIKE 'SAVEPOINT inbox_handler%'
            UNION ALL SELECT 'marks', '', coalesce(sum(calls), 0)::bigint FROM mine WHERE query LIKE 'UPDATE %inbox_messages%SET processed_on%'
            UNION ALL SELECT 'reads', '', coalesce(sum(calls), 0)::bigint FROM mine
                WHERE query ~ '^SELECT .*\sFROM (partnerships\.partners|reporting\.partner_facts) AS'
            UNION ALL SELECT 'all', '', coalesce(sum(calls), 0)::bigint FROM mine
                WHERE query NOT LIKE '%pg_stat%' AND query NOT LIKE 'SELECT (SELECT count(*)%' AND query <> 'DISCARD ALL'
            UNION ALL SELECT 'evictions', '', (SELECT dealloc FROM pg_stat_statements_info)
            UNION ALL
            SELECT m[2], m[1], sum(calls)::bigint
            FROM (SELECT regexp_match(query, '"([a-z_]+)"\.(inbox|outbox)_messages') AS m, calls FROM mine WHERE query LIKE '%FOR UPDATE SKIP LOCKED%') AS taken
            WHERE m IS NOT NULL
            GROUP BY m[1], m[2]
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        long savepoints = 0, marks = 0, reads = 0, statements = 0, evictions = 0;
        var inbox = new Dictionary<string, long>();
        var outbox = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            var value = reader.GetInt64(2);
            switch (reader.GetString(0))
            {
                case "savepoint": savepoints = value; break;
                case "marks": marks = value; break;
                case "reads": reads = value; break;
                case "all": statements = value; break;
                case "evictions": evictions = value; break;
                case "inbox": inbox[reader.GetString(1)] = value; break;
                default: outbox[reader.GetString(1)] = value; break;
            }
        }

        return new Counts(savepoints, marks, reads, statements, evictions, inbox, outbox);
    }
}
