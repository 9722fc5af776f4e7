using System.Net;
using System.Net.Http.Json;
using BuildingBlocks.Infrastructure.Persistence;
using IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partnerships.Infrastructure.Persistence;

namespace IntegrationTests;

/// <summary>
/// What a command costs on the wire (issue 13): no pool reset when a connection goes back to the
/// pool, and no savepoint of EF Core's inside the unit of work's own transaction.
/// </summary>
public sealed class RequestPathTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Connections_go_back_to_the_pool_without_a_reset_and_EF_adds_no_savepoints()
    {
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).NoResetOnClose.Should().BeTrue();
        new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare.Should().BePositive("repeated statements are prepared once per connection");

        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
        db.Database.AutoSavepointsEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task Module_contexts_are_rented_from_a_pool_bound_to_the_scope_s_caller_and_only_through_a_scope()
    {
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
            db.ContextId.Lease.Should().BePositive("a pooled context is leased; a context made per scope has lease 0");
            db.Database.AutoSavepointsEnabled.Should().BeFalse("the pool restores what the constructor set");
            // Bound to the scope's caller (outside a request: the system), so a province-scoped read runs.
            await db.Partners.CountAsync();
        }

        // No factory hands out a pooled context outside a scope: it would have no caller (and, given
        // back by its own Dispose, could be given back twice — see AbandonedRequestTests).
        api.Services.GetService<IDbContextFactory<PartnershipsDbContext>>().Should().BeNull();
    }

    [Fact]
    public async Task A_context_given_back_after_a_command_holds_no_connection_open()
    {
        var admin = await api.AdminClientAsync();
        for (var i = 0; i < 8; i++)
        {
            (await admin.PostAsJsonAsync("/api/v1/partners", Data.Partner())).EnsureSuccessStatusCode();
        }

        // The unit of work held each command's connection for its scope; EF's pool would reset the
        // connection yet remember it open, and such a context refuses a connection of the caller's own.
        await using var connection = await api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var scopes = Enumerable.Range(0, 16).Select(_ => api.Services.CreateAsyncScope()).ToList();
        try
        {
            foreach (var scope in scopes)
            {
                var db = scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
                db.Invoking(d => d.Database.SetDbConnection(connection, contextOwnsConnection: false)).Should().NotThrow();
                db.Database.SetDbConnection(null, contextOwnsConnection: true);
            }
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_registration_sends_neither_DISCARD_ALL_nor_a_savepoint()
    {
        var client = await api.AdminClientAsync();
        // pg_stat_statements is preloaded by scripts/lib.sh; a cluster started otherwise may lack it.
        if (!await api.StatementStatisticsAsync())
        {
            return;
        }

        // The statistics hold a bounded number of statements for the whole cluster: when the other
        // test classes' databases fill it, entries are evicted (pg_stat_statements_info.dealloc
        // moves) and a count can drop between two reads. Measure again then; never conclude on it.
        (long Discards, long EfSavepoints, long Registrations, long Evictions) before, after;
        var attempt = 0;
        do
        {
            before = await CountsAsync();
            for (var i = 0; i < 5; i++)
            {
                var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(Data.UniqueName("Association Compteur")));
                response.StatusCode.Should().Be(HttpStatusCode.Created);
            }

            after = await CountsAsync();
        }
        while (after.Evictions != before.Evictions && ++attempt < 5);

        after.Evictions.Should().Be(before.Evictions, "five attempts in a row cannot all have seen the statistics evicted");
        (after.Registrations - before.Registrations).Should().Be(5, "the statistics see this database's registrations");
        (after.Discards - before.Discards).Should().Be(0);
        (after.EfSavepoints - before.EfSavepoints).Should().Be(0);
    }

    // Not pooled: a pooled connection of the test itself would send DISCARD ALL on return.
    private async Task<(long Discards, long EfSavepoints, long Registrations, long Evictions)> CountsAsync()
    {
        await using var connection = api.Unpooled();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(calls) FILTER (WHERE query = 'DISCARD ALL'), 0)::bigint,
                   coalesce(sum(calls) FILTER (WHERE query LIKE 'SAVEPOINT "__EFSavePoint"%'), 0)::bigint,
                   coalesce(sum(calls) FILTER (WHERE query LIKE 'INSERT INTO partnerships.partners %'), 0)::bigint,
                   (SELECT dealloc FROM pg_stat_statements_info)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
