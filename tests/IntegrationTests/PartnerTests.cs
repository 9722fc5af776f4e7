using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Contracts;

namespace IntegrationTests;

public sealed class PartnerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Registering_a_partner_stores_it_and_its_event_in_the_same_transaction()
    {
        var client = await api.AdminClientAsync();
        var name = Data.UniqueName("Coopérative Al Bahr");

        var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, "Cooperative", "12.391", "تعاونية البحر"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var partner = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = partner.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/partners/{id}");
        partner.GetProperty("name").GetString().Should().Be(name);
        partner.GetProperty("type").GetString().Should().Be("Cooperative");
        partner.GetProperty("version").GetUInt32().Should().BeGreaterThan(0);

        (await api.ScalarAsync<string>($"SELECT name_ar FROM partnerships.partners WHERE id = '{id}'")).Should().Be("تعاونية البحر");
        (await api.ScalarAsync<long>(
            $"SELECT count(*) FROM partnerships.outbox_messages WHERE type = 'partnerships.partner-registered.v1' AND content->>'partnerId' = '{id}'"))
            .Should().Be(1);
    }

    [Fact]
    public async Task Other_modules_look_partners_up_by_id_whatever_the_callers_provinces()
    {
        var client = await api.AdminClientAsync();
        var name = Data.UniqueName("Conseil provincial de Nador");
        var created = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, type: "LocalAuthority", province: "02.381", nameAr: "المجلس الإقليمي للناظور")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        await using var scope = api.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var found = await sender.Send(new FindPartnersQuery([id, Guid.NewGuid(), id]));

        found.Should().ContainSingle().Which.Should().Be(new PartnerInfo(id, name, "المجلس الإقليمي للناظور", "LocalAuthority", "02.381"));
    }

    [Fact]
    public async Task A_registered_partner_is_counted_in_the_partners_report()
    {
        var client = await api.AdminClientAsync();
        var province = Data.UniqueProvince();

        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Bank", province: province))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Association", province: province))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Association", province: province))).EnsureSuccessStatusCode();

        var report = await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"),
            r => r.GetProperty("total").GetInt32() == 3);
        var byType = report.GetProperty("byType").EnumerateArray()
            .ToDictionary(e => e.GetProperty("type").GetString()!, e => e.GetProperty("count").GetInt32());
        byType.Should().BeEquivalentTo(new Dictionary<string, int> { ["Association"] = 2, ["Bank"] = 1 });
    }

    [Theory]
    [InlineData("ar", "الطلب غير صالح.")]
    [InlineData("fr", "La requête n'est pas valide.")]
    [InlineData("en", "The request is not valid.")]
    [InlineData(null, "La requête n'est pas valide.")]
    public async Task Invalid_input_is_refused_field_by_field_in_the_callers_language_and_leaves_nothing_behind(string? language, string title)
    {
        var client = await api.AdminClientAsync(language);
        var partnersBefore = await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.partners");
        var outboxBefore = await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.outbox_messages");

        var response = await client.PostAsJsonAsync("/api/v1/partners", new { name = "", provinceCode = "Taounate", contactEmail = "not-an-email" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Title.Should().Be(title);
        problem.Errors.Should().ContainKeys("name", "type", "provinceCode", "contactEmail");
        problem.TraceId.Should().NotBeNullOrEmpty();
        (await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.partners")).Should().Be(partnersBefore);
        (await api.ScalarAsync<long>("SELECT count(*) FROM partnerships.outbox_messages")).Should().Be(outboxBefore);
    }

    [Fact]
    public async Task Messages_differ_by_language()
    {
        async Task<string> MessageIn(string language)
        {
            var client = await api.AdminClientAsync(language);
            var response = await client.PostAsJsonAsync("/api/v1/partners", new { name = "x", type = "Association", provinceCode = "bad" });
            return (await ProblemDocument.ReadAsync(response)).Errors!["provinceCode"].Single();
        }

        var arabic = await MessageIn("ar");
        var french = await MessageIn("fr");
        var english = await MessageIn("en");

        new[] { arabic, french, english }.Should().OnlyHaveUniqueItems();
        arabic.Should().MatchRegex(@"\p{IsArabic}");
    }

    [Fact]
    public async Task An_unknown_enum_value_is_400_naming_the_field()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsJsonAsync("/api/v1/partners", new { name = Data.UniqueName("x"), type = "Bakery" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("type");
    }

    [Fact]
    public async Task Malformed_json_is_400_not_500()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsync("/api/v1/partners", new StringContent("{\"name\": \"x\", ", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"name\": 42, \"type\": \"Bank\"}")]
    [InlineData("{\"name\": \"x\", \"type\": 3}")]
    [InlineData("{\"name\": \"x\", \"type\": \"Bank\", \"version\": -1}")]
    [InlineData("{\"name\": \"x\", \"type\": \"Bank\", \"provinceCode\": {\"a\": 1}}")]
    [InlineData("{\"name\": \"\u0000\", \"type\": \"Bank\"}")]
    [InlineData("{\"name\": \"x\", \"type\": \"Bank\", \"contactPhone\": \"' OR 1=1 --\"}")]
    [InlineData("{\"name\": \"x\",, }")]
    public async Task Hostile_bodies_are_refused_as_client_errors_never_500(string body)
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsync("/api/v1/partners", new StringContent(body, Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().BeInRange(400, 499, body);
        (await ProblemDocument.ReadAsync(response)).TraceId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_missing_body_is_400_on_the_body()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsync("/api/v1/partners", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("body")
            .WhoseValue.Should().ContainSingle().Which.Should().Be("A request body is required.");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.PostAsync("/api/v1/partners", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await ProblemDocument.ReadAsync(response)).Status.Should().Be(415);
    }

    [Fact]
    public async Task An_oversize_body_is_413()
    {
        var client = await api.AdminClientAsync("en");
        var huge = new string('a', 1024 * 1024 + 10);

        var response = await client.PostAsync("/api/v1/partners", new StringContent($"{{\"name\":\"{huge}\"}}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await ProblemDocument.ReadAsync(response)).Status.Should().Be(413);
    }

    [Fact]
    public async Task The_same_name_twice_is_409_pointing_at_the_existing_partner()
    {
        var client = await api.AdminClientAsync();
        var name = Data.UniqueName("Crédit Agricole");
        var first = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, "Bank"))).Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(name.ToUpperInvariant().Replace("É", "E", StringComparison.Ordinal), "Bank"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Code.Should().Be("partner.name-taken");
        problem.Existing.Should().Be($"/api/v1/partners/{first.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_name_keep_one_and_answer_the_others_409_pointing_at_it()
    {
        // No query before the insert: the unique index on the name key decides, and every loser
        // gets the same answer as a registration that came later (not a bare "duplicate").
        var client = await api.AdminClientAsync();
        var name = Data.UniqueName("Association Tafilalet");
        const string events = "SELECT count(*) FROM partnerships.outbox_messages WHERE type = 'partnerships.partner-registered.v1'";
        var eventsBefore = await api.ScalarAsync<long>(events);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, "Association"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            var problem = await ProblemDocument.ReadAsync(refused);
            problem.Code.Should().Be("partner.name-taken");
            problem.Existing.Should().Be($"/api/v1/partners/{winner.GetProperty("id").GetGuid()}");
        }

        (await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.partners WHERE name = '{name}'")).Should().Be(1);
        (await api.ScalarAsync<long>(events)).Should().Be(eventsBefore + 1, "a refused registration leaves no event behind");
    }

    [Fact]
    public async Task Renaming_a_partner_to_a_taken_name_is_409_pointing_at_the_holder_and_changes_nothing()
    {
        var client = await api.AdminClientAsync();
        var taken = Data.UniqueName("Fondation Zakoura");
        var holder = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(taken, "Association"))).Content.ReadFromJsonAsync<JsonElement>();
        var other = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Association"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = other.GetProperty("id").GetGuid();

        var response = await client.PutAsJsonAsync($"/api/v1/partners/{id}", new
        {
            name = taken.ToUpperInvariant(),
            type = "Cooperative",
            provinceCode = other.GetProperty("provinceCode").GetString(),
            version = other.GetProperty("version").GetUInt32(),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Code.Should().Be("partner.name-taken");
        problem.Existing.Should().Be($"/api/v1/partners/{holder.GetProperty("id").GetGuid()}");
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{id}");
        stored.GetProperty("name").GetString().Should().Be(other.GetProperty("name").GetString());
        stored.GetProperty("type").GetString().Should().Be("Association");
        stored.GetProperty("version").GetUInt32().Should().Be(other.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_409_and_changes_nothing()
    {
        var client = await api.AdminClientAsync();
        var created = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Association", province: "03.531"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetUInt32();
        var name = created.GetProperty("name").GetString();

        var first = await client.PutAsJsonAsync($"/api/v1/partners/{id}", new { name, type = "Cooperative", provinceCode = "03.531", version });
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await client.PutAsJsonAsync($"/api/v1/partners/{id}", new { name, type = "Bank", provinceCode = "03.531", version });

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(stale)).Code.Should().Be("concurrency");
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{id}");
        stored.GetProperty("type").GetString().Should().Be("Cooperative");
    }

    [Fact]
    public async Task An_update_publishes_the_new_type_to_the_report()
    {
        var client = await api.AdminClientAsync();
        var province = Data.UniqueProvince();
        var created = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(type: "Association", province: province))).Content.ReadFromJsonAsync<JsonElement>();

        var updated = await client.PutAsJsonAsync($"/api/v1/partners/{created.GetProperty("id").GetGuid()}", new
        {
            name = created.GetProperty("name").GetString(),
            type = "Cooperative",
            provinceCode = province,
            version = created.GetProperty("version").GetUInt32(),
        });
        updated.EnsureSuccessStatusCode();

        await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/partners?provinceCode={province}"),
            r => r.GetProperty("byType").EnumerateArray().Any(t => t.GetProperty("type").GetString() == "Cooperative"));
    }

    [Fact]
    public async Task The_list_pages_sorts_and_filters()
    {
        var client = await api.AdminClientAsync();
        var province = Data.UniqueProvince();
        foreach (var name in new[] { "Gamma association", "Alpha association", "Beta association" })
        {
            (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner($"{name} {province}", "Association", province))).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner($"Banque {province}", "Bank", province))).EnsureSuccessStatusCode();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners?provinceCode={province}&type=Association&sort=-name&pageSize=2&page=1");

        page.GetProperty("totalCount").GetInt64().Should().Be(3);
        page.GetProperty("totalPages").GetInt32().Should().Be(2);
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!.Split(' ')[0])
            .Should().Equal("Gamma", "Beta");

        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners?provinceCode={province}&type=Association&sort=-name&pageSize=2&page=2");
        second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!.Split(' ')[0]).Should().Equal("Alpha");

        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners?q=BETA%20association%20{province}");
        search.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Searching_by_the_arabic_name_finds_the_partner()
    {
        var client = await api.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner($"Association {suffix}", "Association", null, $"جمعية الأمل {suffix}"))).EnsureSuccessStatusCode();

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners?q={Uri.EscapeDataString($"الأمل {suffix}")}");

        found.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Theory]
    [InlineData("sort=colour", "sort")]
    [InlineData("sort=name,-colour", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("type=Bakery", "type")]
    public async Task Bad_list_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.GetAsync($"/api/v1/partners?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey(field);
    }

    [Fact]
    public async Task A_report_for_something_that_is_not_a_province_code_is_400()
    {
        var client = await api.AdminClientAsync("en");

        var response = await client.GetAsync("/api/v1/reports/partners?provinceCode=Taounate");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("provinceCode");
    }

    [Fact]
    public async Task An_unknown_partner_is_404()
    {
        var client = await api.AdminClientAsync();

        var response = await client.GetAsync($"/api/v1/partners/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ProblemDocument.ReadAsync(response)).Status.Should().Be(404);
    }
}
