using Npgsql;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// The test cluster is the private PostgreSQL that ./test.sh starts; its connection string comes
/// from <c>ConnectionStrings__Postgres</c>. Each test class gets a database of its own.
/// </summary>
public static class TestDatabase
{
    private static readonly string Server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? throw new InvalidOperationException("Run the tests through ./test.sh, or set ConnectionStrings__Postgres to a PostgreSQL server (database postgres).");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = true, MaxPoolSize = 30 }.ConnectionString;

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
