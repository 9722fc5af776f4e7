using BuildingBlocks.Infrastructure.Messaging;
using Npgsql;
using Partnerships.Contracts;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// Reporting's inbox as the messaging tests feed it, and PostgreSQL's statement statistics as the
/// cost tests read them.
/// </summary>
internal static class ReportingInbox
{
    public const string Handler = "Reporting.Application.Partners.RecordPartner.PartnerRegisteredHandler";

    public static readonly string RegisteredEvent = MessageSerializer.TypeName(typeof(PartnerRegisteredIntegrationEvent));

    /// <summary>
    /// Puts <paramref name="messages"/> partner registrations of <paramref name="province"/> and
    /// one unreadable message (<paramref name="poison"/>, received 15th) into Reporting's inbox in
    /// one statement: the rows appear together, as after a burst of registrations, so that one
    /// batch takes the poison amid the others.
    /// </summary>
    public static Task BurstWithPoisonAsync(this ApiFactory api, string province, int messages, Guid poison) =>
        api.ExecuteAsync(
            $$"""
             INSERT INTO reporting.inbox_messages (message_id, handler, type, content, occurred_on, received_on, attempts)
             SELECT id, '{{Handler}}', '{{RegisteredEvent}}',
                    json_build_object('id', id, 'partnerId', gen_random_uuid(), 'partnerType', 'Bank', 'provinceCode', '{{province}}', 'occurredOn', now()),
                    now(), now() + n * interval '1 microsecond', 0
             FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, {{messages}}) AS n) AS ids
             UNION ALL
             SELECT '{{poison}}', '{{Handler}}', '{{RegisteredEvent}}', '{"partnerId": "not-a-guid"}', now(), now() + 15 * interval '1 microsecond', 0
             """);

    /// <summary>A connection of its own, outside the host's pool, for the test's own statistics queries.</summary>
    public static NpgsqlConnection Unpooled(this ApiFactory api) =>
        new(new NpgsqlConnectionStringBuilder(api.ConnectionString) { Pooling = false }.ConnectionString);

    /// <summary>Whether pg_stat_statements can be read on this cluster (it needs the library preloaded).</summary>
    public static async Task<bool> StatementStatisticsAsync(this ApiFactory api)
    {
        await using var connection = api.Unpooled();
        await connection.OpenAsync();
        try
        {
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements", connection);
            await create.ExecuteScalarAsync();
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }
}
