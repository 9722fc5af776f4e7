// The raw baseline of bench/run.sh: what POST /api/v1/partners costs with nothing but Kestrel,
// System.Text.Json and Npgsql. Same request body, same answer (201 + the partner), same two rows
// in one transaction: the partner and its outbox message. The tables are copies of Partnerships'
// (CREATE TABLE ... LIKE ... INCLUDING ALL, so the same columns, unique name key and indexes) in a
// schema of their own, so that the host's relay never sees these outbox rows.
//
//   ConnectionStrings__Postgres=...;Database=bench ASPNETCORE_URLS=http://127.0.0.1:5091 dotnet RawBaseline.dll
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning); // failures only
var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
// The same pool settings as the host's (DatabaseRegistration): no DISCARD ALL on return.
var dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { NoResetOnClose = true } }.Build();

await using (var setup = dataSource.CreateCommand("""
    CREATE SCHEMA IF NOT EXISTS raw_baseline;
    CREATE TABLE IF NOT EXISTS raw_baseline.partners (LIKE partnerships.partners INCLUDING ALL);
    CREATE TABLE IF NOT EXISTS raw_baseline.outbox_messages (LIKE partnerships.outbox_messages INCLUDING ALL);
    """))
{
    await setup.ExecuteNonQueryAsync();
}

var app = builder.Build();
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

app.MapPost("/api/v1/partners", async (HttpContext http) =>
{
    var request = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, json, http.RequestAborted);
    var name = request.GetProperty("name").GetString() ?? string.Empty;
    var type = request.TryGetProperty("type", out var t) ? t.GetString() ?? "Other" : "Other";
    var province = request.TryGetProperty("provinceCode", out var p) ? p.GetString() : null;
    var id = Guid.CreateVersion7();
    var now = DateTimeOffset.UtcNow;
    var content = JsonSerializer.Serialize(new { partnerId = id, partnerType = type, provinceCode = province, occurredOn = now, id }, json);

    await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
    await using var transaction = await connection.BeginTransactionAsync(http.RequestAborted);
    await using var batch = new NpgsqlBatch(connection, transaction)
    {
        BatchCommands =
        {
            new NpgsqlBatchCommand("""
                INSERT INTO raw_baseline.partners (id, name, name_ar, name_key, acronym, type, province_code, contact_email, contact_phone, registered_on, updated_on)
                VALUES ($1, $2, NULL, $3, NULL, $4, $5, NULL, NULL, $6, $6)
                """)
            {
                Parameters =
                {
                    new() { Value = id },
                    new() { Value = name },
                    new() { Value = name.ToUpperInvariant() },
                    new() { Value = type },
                    new() { Value = (object?)province ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { Value = now },
                },
            },
            new NpgsqlBatchCommand("INSERT INTO raw_baseline.outbox_messages (id, type, content, occurred_on) VALUES ($1, $2, $3, $4)")
            {
                Parameters =
                {
                    new() { Value = id },
                    new() { Value = "partnerships.partner-registered.v1" },
                    new() { Value = content, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    new() { Value = now },
                },
            },
        },
    };
    await batch.ExecuteNonQueryAsync(http.RequestAborted);
    await transaction.CommitAsync(http.RequestAborted);
    return Results.Json(
        new { id, name, type, provinceCode = province, registeredOn = now, version = 1 },
        json,
        statusCode: StatusCodes.Status201Created);
});
app.MapGet("/health/live", () => Results.Ok());

await app.RunAsync();
await dataSource.DisposeAsync();
