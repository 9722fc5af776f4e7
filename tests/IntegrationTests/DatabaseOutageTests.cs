using System.Net;
using System.Net.Http.Json;
using IntegrationTests.Infrastructure;
using Npgsql;

namespace IntegrationTests;

/// <summary>While PostgreSQL is unreachable the API answers 503 problem documents; it recovers without a restart.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly TcpProxy _proxy;
    private readonly ApiFactory _api;

    public DatabaseOutageTests()
    {
        var direct = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor("x"));
        _proxy = new TcpProxy(direct.Host!, direct.Port);
        _api = new ApiFactory();
        var proxied = new NpgsqlConnectionStringBuilder(_api.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port, Timeout = 3 };
        _api.With("ConnectionStrings:Postgres", proxied.ConnectionString);
    }

    public Task InitializeAsync()
    {
        _proxy.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task The_api_answers_503_while_the_database_is_away_and_recovers_by_itself()
    {
        var client = await _api.AdminClientAsync("en");
        (await client.GetAsync("/api/v1/partners")).StatusCode.Should().Be(HttpStatusCode.OK);

        _proxy.Cut();
        var during = await Eventually.Until(() => client.GetAsync("/api/v1/partners"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var problem = await ProblemDocument.ReadAsync(during);
        problem.Status.Should().Be(503);
        problem.Detail.Should().Contain("unavailable");
        during.Headers.RetryAfter.Should().NotBeNull();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner())).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        _proxy.Start();
        await Eventually.Until(() => client.GetAsync("/api/v1/partners"), r => r.StatusCode == HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner())).StatusCode.Should().Be(HttpStatusCode.Created);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
