using BuildingBlocks.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Storage;
using IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

public sealed class RetentionFactory : ApiFactory
{
    public RetentionFactory()
    {
        // Nothing may handle the rows the tests plant; batches of two make the pruning loop.
        With("Messaging:DispatcherEnabled", "false");
        With("Retention:BatchSize", "2");
    }
}

/// <summary>Handled messages and idempotency records are pruned after their retention, on the real database.</summary>
public sealed class RetentionTests(RetentionFactory api) : IClassFixture<RetentionFactory>
{
    [Fact]
    public async Task Handled_rows_past_their_retention_are_pruned_and_pending_or_parked_ones_never()
    {
        _ = api.Server;
        var tag = Guid.NewGuid().ToString("N");
        // Times are explicit, relative to the database's clock: no waiting.
        await api.ExecuteAsync(
            $$"""
             INSERT INTO partnerships.outbox_messages (id, type, content, occurred_on, processed_on)
             SELECT gen_random_uuid(), 'test.{{tag}}.v1', '{}', now() - interval '11 years', processed
             FROM unnest(ARRAY[now() - interval '3651 days', now() - interval '3652 days', now() - interval '3653 days', now() - interval '1 day', NULL]) AS processed;

             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts, processed_on, parked_on)
             SELECT gen_random_uuid(), 'h', 'test.{{tag}}.v1', '{}', now() - interval '1 year', now() - interval '1 year', 1, processed, parked
             FROM (VALUES
                 (now() - interval '31 days', NULL::timestamptz), (now() - interval '32 days', NULL), (now() - interval '33 days', NULL),
                 (now() - interval '29 days', NULL),
                 (NULL, NULL),
                 (NULL, now() - interval '1 year')) AS r(processed, parked);

             INSERT INTO platform.idempotency_records (caller, key, fingerprint, created_on, status_code, body)
             VALUES ('staff:{{tag}}', 'old', repeat('a', 64), now() - interval '25 hours', 201, '\x7b7d'),
                    ('staff:{{tag}}', 'in-progress-old', repeat('a', 64), now() - interval '3 days', NULL, NULL),
                    ('staff:{{tag}}', 'recent', repeat('a', 64), now() - interval '23 hours', 201, '\x7b7d');
             """);

        var result = await api.Services.GetRequiredService<Retention>().PruneAsync(CancellationToken.None);

        result.OutboxMessages.Should().Be(3);
        result.InboxMessages.Should().Be(3);
        result.IdempotencyRecords.Should().Be(2);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.outbox_messages WHERE type = 'test.{tag}.v1'")).Should().Be(2);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.outbox_messages WHERE type = 'test.{tag}.v1' AND processed_on IS NULL")).Should().Be(1, "a pending event is never pruned");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE type = 'test.{tag}.v1'")).Should().Be(3);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE type = 'test.{tag}.v1' AND parked_on IS NOT NULL")).Should().Be(1, "a parked message waits for an operator");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM reporting.inbox_messages WHERE type = 'test.{tag}.v1' AND processed_on IS NULL AND parked_on IS NULL")).Should().Be(1);
        (await api.ScalarAsync<string>($"SELECT string_agg(key, ',') FROM platform.idempotency_records WHERE caller = 'staff:{tag}'")).Should().Be("recent");

        var again = await api.Services.GetRequiredService<Retention>().PruneAsync(CancellationToken.None);
        again.Should().Be(new RetentionResult(0, 0, 0), "pruning twice is harmless");
    }

    [Fact]
    public void The_pruning_is_an_hourly_recurring_job()
    {
        _ = api.Server;
        using var connection = api.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().Single(j => j.Id == RetentionJob.Id);

        job.Cron.Should().Be("17 * * * *");
        job.Job.Type.Should().Be<RetentionJob>();
    }
}
