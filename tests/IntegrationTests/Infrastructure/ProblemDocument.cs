using System.Text.Json;

namespace IntegrationTests.Infrastructure;

/// <summary>An RFC 9457 problem document as the API answers it.</summary>
public sealed record ProblemDocument(
    string? Type,
    string? Title,
    int Status,
    string? Detail,
    string? TraceId,
    string? Code,
    string? Existing,
    Dictionary<string, string[]>? Errors)
{
    public static async Task<ProblemDocument> ReadAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<ProblemDocument>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
