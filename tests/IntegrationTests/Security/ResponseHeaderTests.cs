using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Security;

/// <summary>The headers a security review expects, on the real host.</summary>
public sealed partial class ResponseHeaderTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs")]
    [InlineData("/api/v1/partners")]
    [InlineData("/no/such/page")]
    [InlineData("/account/login")]
    public async Task Every_response_forbids_content_sniffing(string path)
    {
        var response = await api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/docs")]
    [InlineData("/account/login")]
    public async Task Pages_a_browser_shows_cannot_be_framed(string path)
    {
        var response = await api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task Answers_carrying_secrets_or_personal_data_are_not_stored()
    {
        var anonymous = api.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.Password });
        var admin = await api.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: "03.531"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var key = await admin.PostAsJsonAsync($"/api/v1/partners/{id}/api-keys", new { label = "Headers" });
        var partnerSystem = api.CreateClient();
        partnerSystem.DefaultRequestHeaders.Add("X-Api-Key", (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["token"] = login,
            ["registered partner"] = created,
            ["new API key"] = key,
            ["partner"] = await admin.GetAsync($"/api/v1/partners/{id}"),
            ["partner list"] = await admin.GetAsync("/api/v1/partners"),
            ["own profile"] = await partnerSystem.GetAsync("/api/v1/partner/profile"),
            ["refused login"] = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = "Wrong!Passw0rd" }),
        };

        foreach (var (what, response) in answers)
        {
            response.IsSuccessStatusCode.Should().Be(what != "refused login", what);
            (response.Headers.CacheControl?.NoStore ?? false).Should().BeTrue($"the {what} answer must not be stored");
        }
    }

    [Fact]
    public async Task The_dashboard_cookie_is_sent_to_the_dashboard_only()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });
        var posted = await client.PostAsync("/account/login", await DashboardForm.ForAsync(client, ApiFactory.AdminEmail, ApiFactory.Password));

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookie = posted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("modular.dashboard=", StringComparison.Ordinal));
        cookie.Should().ContainEquivalentOf("path=/hangfire");
    }
}

/// <summary>The sign-in form as a browser fills it: the antiforgery field comes from the page.</summary>
internal static partial class DashboardForm
{
    public static async Task<FormUrlEncodedContent> ForAsync(HttpClient client, string email, string password, string returnUrl = "/hangfire")
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page);
        token.Success.Should().BeTrue();
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
    }

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>The host on real Kestrel: what a browser or a scanner sees on the wire.</summary>
public sealed class KestrelFactory : ApiFactory
{
    public KestrelFactory() => UseKestrel(0);
}

public sealed class KestrelHeaderTests(KestrelFactory api) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task Kestrel_does_not_name_itself()
    {
        var response = await api.CreateClient().GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Server.Should().BeEmpty();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }
}

/// <summary>The dashboard's sign-in form follows only local return addresses.</summary>
public sealed class DashboardSignInTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_address_that_is_not_local_is_refused(string returnUrl)
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });

        var posted = await client.PostAsync("/account/login", await DashboardForm.ForAsync(client, ApiFactory.AdminEmail, ApiFactory.Password, returnUrl));

        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(posted)).Errors.Should().ContainKey("returnUrl");
    }

    [Fact]
    public async Task A_local_return_address_is_followed()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });

        var posted = await client.PostAsync("/account/login", await DashboardForm.ForAsync(client, ApiFactory.AdminEmail, ApiFactory.Password, "/hangfire/jobs/succeeded"));

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().Should().Be("/hangfire/jobs/succeeded");
    }
}
