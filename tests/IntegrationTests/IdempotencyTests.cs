using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests;

/// <summary>POSTs that honour an Idempotency-Key: a retry is safe, whatever the network did.</summary>
public sealed class IdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_same_key_and_request_answer_the_first_answer_and_create_nothing_more()
    {
        var client = await api.AdminClientAsync();
        var key = Guid.NewGuid().ToString();
        var body = Data.Partner(Data.UniqueName("Association Tanmia"), province: "03.531");

        var first = await Post(client, key, body);
        var second = await Post(client, key, body);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        second.Headers.Location.Should().Be(first.Headers.Location);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().Should().Be(id);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.outbox_messages WHERE content->>'partnerId' = '{id}'")).Should().Be(1);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_422_and_changes_nothing()
    {
        var client = await api.AdminClientAsync("en");
        var key = Guid.NewGuid().ToString();
        (await Post(client, key, Data.Partner(province: "03.531"))).StatusCode.Should().Be(HttpStatusCode.Created);
        var other = Data.UniqueName("Other association");

        var reused = await Post(client, key, Data.Partner(other, province: "03.531"));

        reused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(reused)).Code.Should().Be("idempotency.key-reused");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.partners WHERE name = '{other}'")).Should().Be(0);
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_request_create_it_once()
    {
        var client = await api.AdminClientAsync();
        var key = Guid.NewGuid().ToString();
        var name = Data.UniqueName("Coopérative Argane");
        var body = Data.Partner(name, "Cooperative", "03.531");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post(client, key, body)));

        answers.Select(a => a.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        answers.Should().Contain(a => a.StatusCode == HttpStatusCode.Created);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.partners WHERE name = '{name}'")).Should().Be(1);
    }

    [Fact]
    public async Task A_refused_request_keeps_no_record_so_the_corrected_one_can_use_the_key()
    {
        var client = await api.AdminClientAsync();
        var key = Guid.NewGuid().ToString();

        (await Post(client, key, new { name = "", type = "Association" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var corrected = await Post(client, key, Data.Partner(province: "03.531"));

        corrected.StatusCode.Should().Be(HttpStatusCode.Created);
        corrected.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
    }

    [Fact]
    public async Task A_key_belongs_to_its_caller()
    {
        var admin = await api.AdminClientAsync();
        var manager = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.ProgramManager));
        var key = Guid.NewGuid().ToString();

        var mine = await Post(admin, key, Data.Partner(province: "03.531"));
        var theirs = await Post(manager, key, Data.Partner(province: "03.531"));

        mine.StatusCode.Should().Be(HttpStatusCode.Created);
        theirs.StatusCode.Should().Be(HttpStatusCode.Created);
        theirs.Headers.Location.Should().NotBe(mine.Headers.Location);
    }

    [Fact]
    public async Task A_malformed_key_is_400_naming_the_header()
    {
        var client = await api.AdminClientAsync("en");

        var response = await Post(client, new string('k', 256), Data.Partner());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("Idempotency-Key");
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
