using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests;

/// <summary>The API document is a contract: every operation is named, summarised, secured and lists its 4xx answers.</summary>
public sealed class OpenApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_operation_has_an_id_a_summary_security_and_4xx_responses()
    {
        var document = await api.CreateClient().GetFromJsonAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("OPENAPI_OUTPUT") is { Length: > 0 } output)
        {
            // ./test.sh lints this copy with Redocly's recommended rules.
            await File.WriteAllTextAsync(output, document.GetRawText());
        }

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        operations.Should().NotBeEmpty();
        foreach (var (name, operation) in operations)
        {
            operation.TryGetProperty("operationId", out _).Should().BeTrue($"{name} needs an operationId");
            operation.TryGetProperty("summary", out _).Should().BeTrue($"{name} needs a summary");
            operation.TryGetProperty("security", out _).Should().BeTrue($"{name} needs a security requirement");
            operation.GetProperty("responses").EnumerateObject().Should().Contain(r => r.Name.StartsWith('4'), $"{name} must list its 4xx answers");
        }

        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Should().OnlyHaveUniqueItems();
        document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Name)
            .Should().BeEquivalentTo("Bearer", "ApiKey");
    }

    [Fact]
    public async Task The_partner_portal_is_secured_by_api_key_and_staff_endpoints_by_bearer_token()
    {
        var document = await api.CreateClient().GetFromJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Schemes(paths.GetProperty("/api/v1/partner/profile").GetProperty("get")).Should().Equal("ApiKey");
        Schemes(paths.GetProperty("/api/v1/partners").GetProperty("post")).Should().Equal("Bearer");
        paths.GetProperty("/api/v1/auth/login").GetProperty("post").GetProperty("security").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_partner_developer_needs_nothing_but_the_document()
    {
        var document = await api.CreateClient().GetFromJsonAsync("/openapi/v1.json");
        var offenders = ApiDocumentAudit.Offenders(document);
        offenders.Should().BeEmpty(
            "a partner's developer reads the document, not our source; fix these:{0}{1}",
            Environment.NewLine,
            string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public async Task The_dashboard_sign_in_is_described_as_a_form_post_with_its_answers()
    {
        var document = await api.CreateClient().GetFromJsonAsync("/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty("/account/login").GetProperty("post");

        operation.GetProperty("operationId").GetString().Should().Be("DashboardSignIn");
        operation.GetProperty("security").GetArrayLength().Should().Be(0);
        operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Equal("application/x-www-form-urlencoded");
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["302", "400", "429"]);
    }

    private static IEnumerable<string> Schemes(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(s => s.Name));
}

internal static class JsonHttp
{
    public static async Task<JsonElement> GetFromJsonAsync(this HttpClient client, string path)
    {
        var body = await client.GetStringAsync(path);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
