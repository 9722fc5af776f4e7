using System.Net;
using System.Net.Http.Json;
using System.Text;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Fuzz;

/// <summary>The cases issue 12 found by hand, each a class the screen and the paging rules now close.</summary>
public sealed class HostileInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("{\"name\": \"a\\u0000b\", \"type\": \"Bank\"}", "name")]
    [InlineData("{\"name\": \"x\", \"nameAr\": \"\\u0001\", \"type\": \"Bank\"}", "nameAr")]
    [InlineData("{\"name\": \"x\\uD800\", \"type\": \"Bank\"}", "name")]
    [InlineData("{\"name\": \"x\", \"type\": \"Bank\", \"extra\": [{\"deep\": \"\\u0000\"}]}", "extra[0].deep")]
    public async Task Text_that_cannot_be_stored_is_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var client = await api.AdminClientAsync("en");
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.partners");

        var response = await client.PostAsync("/api/v1/partners", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.Should().ContainKey(field);
        problem.Errors![field].Should().ContainSingle().Which.Should().Contain("control character");
        (await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.partners")).Should().Be(before);
    }

    [Fact]
    public async Task The_refusal_is_in_the_callers_language()
    {
        var client = await api.AdminClientAsync("ar");

        var response = await client.GetAsync("/api/v1/partners?q=%00");

        (await ProblemDocument.ReadAsync(response)).Errors!["q"].Single().Should().Contain("حرف تحكم");
    }

    [Theory]
    [InlineData("/api/v1/partners?q=%00", "q")]
    [InlineData("/api/v1/partners?provinceCode=%00", "provinceCode")]
    [InlineData("/api/v1/reports/partners?provinceCode=%00", "provinceCode")]
    [InlineData("/api/v1/reports/partners?provinceCode=a%1Bb", "provinceCode")]
    public async Task A_control_character_in_the_query_string_is_400_naming_the_parameter(string url, string field)
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey(field);
    }

    [Fact]
    public async Task A_control_character_in_a_route_value_is_400_naming_it()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsJsonAsync($"/api/v1/admin/parked-messages/a%01b/{Guid.NewGuid()}/retry", new { handler = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("module");
    }

    [Fact]
    public async Task A_control_character_in_a_header_is_400_naming_the_header()
    {
        var client = await api.AdminClientAsync("en");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners")
        {
            Content = JsonContent.Create(Data.Partner()),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "key\u0001");

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("Idempotency-Key");
    }

    [Fact]
    public async Task Arabic_with_right_to_left_and_zero_width_marks_and_a_multi_line_text_are_accepted()
    {
        var client = await api.AdminClientAsync("en");
        var nameAr = $"{HostileValues.ArabicWithMarks} {Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(nameAr: nameAr));
        var search = await client.GetAsync($"/api/v1/partners?q={Uri.EscapeDataString("\u200Fجمعية\u200C")}");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.partners WHERE name_ar = '{nameAr}'")).Should().Be(1);
        search.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/partners?page=2147483647&pageSize=200")]
    [InlineData("/api/v1/partners?page=20000000&pageSize=200")]
    [InlineData("/api/v1/partners?page=2147483647")]
    [InlineData("/api/v1/admin/parked-messages?page=2147483647&pageSize=200")]
    public async Task A_page_beyond_reach_is_400_naming_page(string url)
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("page");
    }

    [Fact]
    public async Task The_last_reachable_page_is_an_empty_page()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/partners?page=1000000&pageSize=200");

        response.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("4294967295", HttpStatusCode.Conflict)]
    [InlineData("-1", HttpStatusCode.BadRequest)]
    [InlineData("1e400", HttpStatusCode.BadRequest)]
    [InlineData("99999999999999999999", HttpStatusCode.BadRequest)]
    public async Task A_version_at_or_beyond_the_extremes_of_its_type_is_a_client_error(string version, HttpStatusCode expected)
    {
        var client = await api.AdminClientAsync("en");
        var created = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner());
        var location = created.Headers.Location!.ToString();

        var response = await client.PutAsync(location, new StringContent(
            $"{{\"name\": \"{Data.UniqueName("x")}\", \"type\": \"Bank\", \"version\": {version}}}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(expected);
        (await ProblemDocument.ReadAsync(response)).Status.Should().Be((int)expected);
    }
}
