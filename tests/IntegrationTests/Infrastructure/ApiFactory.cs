using System.Net.Http.Headers;
using System.Net.Http.Json;
using BuildingBlocks.Application.Security;
using Identity.Infrastructure.StaffAccounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// The real host on a real PostgreSQL database of its own, created for one test class and
/// dropped after it. Settings go through UseSetting so that Program sees them while it builds.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@tests.local";
    public const string Password = "Str0ng!Passw0rd";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];
    private bool _dropped;

    public ApiFactory()
        : this($"t_{Guid.NewGuid():N}", ownsDatabase: true)
    {
    }

    private ApiFactory(string databaseName, bool ownsDatabase)
    {
        OwnsDatabase = ownsDatabase;
        DatabaseName = databaseName;
        ConnectionString = TestDatabase.ConnectionStringFor(DatabaseName);
        _settings["ConnectionStrings:Postgres"] = ConnectionString;
        _settings["Bootstrap:AdminEmail"] = AdminEmail;
        _settings["Bootstrap:AdminPassword"] = Password;
        _settings["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        _settings["Hangfire:ServerEnabled"] = "false";
        _settings["Messaging:PollInterval"] = "00:00:00.200";
        _settings["Messaging:RetryDelay"] = "00:00:00.050";
        _settings["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "modular-tests", DatabaseName, "mail");
        _settings["Http:RequestsPerMinute"] = "100000";
        _settings["Http:LoginAttemptsPerMinute"] = "100000";
        _settings["Partnerships:RequestsPerMinutePerKey"] = "100000";
        // Most classes sign in and fail on purpose many times from one address; the classes that
        // test throttling and the slowdown set their own, realistic values.
        _settings["Auth:FailuresPerAccountAndAddress"] = "100000";
        _settings["Auth:SlowdownAfterFailures"] = "100000";
    }

    public string DatabaseName { get; }

    /// <summary>Whether disposing this host drops its database.</summary>
    public bool OwnsDatabase { get; }

    /// <summary>A second host on the database of another, as after a restart or beside another host.</summary>
    public static ApiFactory OnDatabaseOf(ApiFactory other) => new(other.DatabaseName, ownsDatabase: false);

    public string ConnectionString { get; }

    /// <summary>Overrides a setting; call before the first client is created.</summary>
    public ApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services in the host, as a test needs (a handler that fails, a subscription of its own).</summary>
    public ApiFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Every log line the host wrote.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The clock the host runs on; the real one unless a test sets a fake.</summary>
    public TimeProvider? Clock { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }

        foreach (var configure in _services)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the host and drops its database when it owns one.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase && !_dropped)
        {
            _dropped = true;
            await TestDatabase.DropAsync(DatabaseName);
        }
    }

    /// <summary>Stops the host and keeps its database, as a process that dies leaves it.</summary>
    public ValueTask StopHostAsync() => base.DisposeAsync();

    public async Task<HttpClient> ClientForAsync(string email, string password = Password, string? language = null)
    {
        var client = CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminClientAsync(string? language = null) => ClientForAsync(AdminEmail, Password, language);

    /// <summary>A partner's system: a client sending a key the admin issues to <paramref name="partner"/> with these scopes.</summary>
    public async Task<HttpClient> PartnerSystemAsync(HttpClient admin, Guid partner, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var issued = await admin.PostAsJsonAsync($"/api/v1/partners/{partner}/api-keys", new { label = "test system", scopes });
        issued.EnsureSuccessStatusCode();
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString());
        return client;
    }

    /// <summary>Creates a staff account directly (staff administration endpoints come with a later issue).</summary>
    public async Task<string> CreateStaffAsync(string role, params string[] provinces)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@tests.local";
        var user = new StaffUser { Email = email, UserName = email, Provinces = [.. provinces] };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        return email;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record TokenResponse(string AccessToken, int ExpiresIn);
}

/// <summary>
/// The test server has no network peer: a request may name the address it comes from in
/// <see cref="Header"/>, as if the TCP connection came from there. Runs before the host's own
/// middleware, so the forwarded-headers middleware sees it as the peer.
/// </summary>
public sealed class PeerAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer) && System.Net.IPAddress.TryParse(peer.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Roles as the tests name them.</summary>
public static class StaffRoles
{
    public const string Officer = Roles.Officer;
    public const string Auditor = Roles.Auditor;
    public const string ProgramManager = Roles.ProgramManager;
}
