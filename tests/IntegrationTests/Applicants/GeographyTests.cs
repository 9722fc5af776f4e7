using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Applicants.Contracts;
using IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Applicants;

/// <summary>Morocco's reference geography (HCP codes), seeded with the schema and read through the API and the Contracts.</summary>
public sealed class GeographyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_whole_division_is_seeded_12_regions_75_provinces_and_1503_communes()
    {
        await api.AdminClientAsync();

        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.regions")).Should().Be(12);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.provinces")).Should().Be(75);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.communes")).Should().Be(1503);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.communes WHERE kind = 'Urban'")).Should().Be(242);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.provinces WHERE kind = 'Prefecture'")).Should().Be(13);
        (await api.ScalarAsync<string>("SELECT name_ar FROM applicants.communes WHERE code = '03.531.01.01'")).Should().Be("غفساي");
    }

    [Fact]
    public async Task Regions_are_listed_with_both_names()
    {
        var client = await api.AdminClientAsync();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/geography/regions?pageSize=50");

        page.GetProperty("totalCount").GetInt64().Should().Be(12);
        var first = page.GetProperty("items")[0];
        first.GetProperty("code").GetString().Should().Be("01");
        first.GetProperty("nameFr").GetString().Should().Be("Tanger-Tétouan-Al Hoceima");
        first.GetProperty("nameAr").GetString().Should().Be("طنجة-تطوان-الحسيمة");
    }

    [Fact]
    public async Task Provinces_of_a_region_are_listed_with_their_kind()
    {
        var client = await api.AdminClientAsync();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/geography/provinces?region=12");

        var codes = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        codes.Should().Equal("12.066", "12.391");
        var dakhla = page.GetProperty("items")[1];
        dakhla.GetProperty("nameFr").GetString().Should().Be("Oued Ed-Dahab");
        dakhla.GetProperty("kind").GetString().Should().Be("Province");
        dakhla.GetProperty("regionCode").GetString().Should().Be("12");
    }

    [Fact]
    public async Task Communes_of_a_province_are_listed_paged_and_sorted()
    {
        var client = await api.AdminClientAsync();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/geography/communes?province=03.531&pageSize=10&sort=-code");

        page.GetProperty("totalCount").GetInt64().Should().Be(49);
        page.GetProperty("items").GetArrayLength().Should().Be(10);
        var codes = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        codes.Should().BeInDescendingOrder(StringComparer.Ordinal).And.OnlyContain(c => c!.StartsWith("03.531.", StringComparison.Ordinal));
        var urban = await client.GetFromJsonAsync<JsonElement>("/api/v1/geography/communes?province=03.531&kind=Urban");
        urban.GetProperty("totalCount").GetInt64().Should().Be(5);
    }

    [Fact]
    public async Task A_malformed_province_code_is_refused()
    {
        var client = await api.AdminClientAsync();

        var response = await client.GetAsync("/api/v1/geography/communes?province=Taounate");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("province");
    }

    [Fact]
    public async Task Other_modules_learn_which_province_codes_are_unknown_and_look_a_commune_up()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var unknown = await sender.Send(new FindUnknownProvincesQuery(["03.531", "02.381", "99.999", "12.391", "04.000"]));
        var commune = await sender.Send(new FindCommuneQuery("04.291.01.05"));
        var none = await sender.Send(new FindCommuneQuery("04.291.99.99"));

        unknown.Should().BeEquivalentTo("99.999", "04.000");
        commune.Should().NotBeNull();
        commune!.ProvinceCode.Should().Be("04.291");
        commune.RegionCode.Should().Be("04");
        none.Should().BeNull();
    }
}
