using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Security;
using IntegrationTests.Infrastructure;

namespace IntegrationTests;

public sealed class AuthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_bootstrap_admin_logs_in_and_the_token_opens_the_api()
    {
        var client = await api.AdminClientAsync();

        var response = await client.GetAsync("/api/v1/partners");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_answers_a_bearer_token_with_its_lifetime()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("accessToken").GetString().Should().NotBeNullOrEmpty();
        body.GetProperty("tokenType").GetString().Should().Be("Bearer");
        body.GetProperty("expiresIn").GetInt32().Should().Be(3600);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_five_failures_do_not_lock_the_account()
    {
        var email = await api.CreateStaffAsync(Roles.Officer, "03.531");
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong!Passw0rd" });
            failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await ProblemDocument.ReadAsync(failed)).Detail.Should().Be("The email or the password is wrong.");
        }

        var owner = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password });

        owner.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refused_login_is_logged_with_the_address_masked()
    {
        var unique = Guid.NewGuid().ToString("N");
        var email = $"fatima.zahra.{unique}@example.ma";

        await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong!Passw0rd" });

        api.Logs.Lines.Should().Contain(l => l.Contains("Login refused for fa*****", StringComparison.Ordinal));
        api.Logs.Lines.Should().NotContain(l => l.Contains(unique, StringComparison.OrdinalIgnoreCase) || l.Contains("fatima.zahra", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unknown_email_is_refused_like_a_wrong_password()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@tests.local", password = ApiFactory.Password });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Detail.Should().Be("L'adresse e-mail ou le mot de passe est incorrect.");
    }

    [Fact]
    public async Task A_login_without_email_or_password_names_both_fields()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "not-an-email" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.Should().ContainKeys("email", "password");
    }

    [Fact]
    public async Task A_call_without_credentials_is_a_401_problem_document_with_a_trace_id()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/partners");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Status.Should().Be(401);
        problem.TraceId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwia2luZCI6InN0YWZmIiwicm9sZSI6IkFkbWluIn0.c2lnbmF0dXJl");

        var response = await client.GetAsync("/api/v1/partners");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs")]
    public async Task Health_and_api_documentation_need_no_authentication(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
