using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntegrationTests.Persistence;

/// <summary>Money and typed ids are mapped once, by convention, for every module.</summary>
public sealed class PersistenceConventionTests(TestModuleDatabase database) : IClassFixture<TestModuleDatabase>
{
    [Fact]
    public async Task Money_is_numeric_14_2_and_typed_ids_are_uuid_with_no_converter_in_any_configuration()
    {
        var columns = await ColumnsAsync("plan_lines");

        columns["amount"].Should().Be("numeric(14,2) not null");
        columns["ceiling"].Should().Be("numeric(14,2) null");
        columns["id"].Should().Be("uuid not null");
        columns["plan_id"].Should().Be("uuid not null");
        (await ColumnsAsync("notes"))["about"].Should().Be("uuid null");
    }

    [Fact]
    public async Task Money_and_typed_ids_round_trip_exactly()
    {
        var plan = Plan.Open("03.531", 0.1m, 999_999_999_999.99m);
        plan.AddLine(Money.Mad(-12.5m), Money.Mad(100m));
        await database.SaveAsync(plan);
        await using (var writer = database.Context())
        {
            writer.Notes.Add(Note.Write("about the plan", plan.Id));
            await writer.SaveChangesAsync();
        }

        await using var db = database.Context();
        var stored = await database.LoadAsync(db, plan.Id);
        var note = await db.Notes.SingleAsync(n => n.About == plan.Id);

        stored.Lines.Select(l => l.Amount).Should().BeEquivalentTo([Money.Mad(0.1m), Money.Mad(999_999_999_999.99m), Money.Mad(-12.5m)]);
        stored.Lines.Select(l => l.Ceiling).Should().BeEquivalentTo(new Money?[] { null, null, Money.Mad(100m) });
        stored.Lines.Select(l => l.Id).Should().BeEquivalentTo(plan.Lines.Select(l => l.Id));
        note.About.Should().Be(plan.Id);
    }

    private async Task<Dictionary<string, string>> ColumnsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT column_name,
                   format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = ('test_module.' || c.table_name)::regclass AND a.attname = c.column_name
            WHERE c.table_schema = 'test_module' AND c.table_name = $1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }
}
