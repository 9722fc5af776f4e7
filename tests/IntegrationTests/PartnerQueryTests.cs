using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests;

public sealed class SqlLoggingFactory : ApiFactory
{
    public SqlLoggingFactory() => With("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
}

/// <summary>Queries read the DTO's columns in SQL (a Mapperly projection), never whole aggregates.</summary>
public sealed class PartnerQueryTests(SqlLoggingFactory api) : IClassFixture<SqlLoggingFactory>
{
    [Fact]
    public async Task Reading_partners_selects_the_dto_columns_and_loads_no_aggregate()
    {
        var client = await api.AdminClientAsync();
        var name = Data.UniqueName("Association Tifawin");
        var created = await (await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(name, nameAr: "جمعية تيفاوين")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var before = api.Logs.Lines.Count;

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{id}");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners?q={Uri.EscapeDataString(name)}&sort=registeredOn");

        one.GetProperty("nameAr").GetString().Should().Be("جمعية تيفاوين");
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Equal(id);
        var selects = api.Logs.Lines.Skip(before)
            .Where(l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal))
            .Select(SelectList)
            .Where(s => s is not null && s.Contains("name_ar", StringComparison.Ordinal))
            .ToList();
        selects.Should().HaveCount(2, "one query per read returns partners");
        // name_key is the aggregate's uniqueness key: an entity load reads it, the DTO has no use for it.
        selects.Should().AllSatisfy(s => s.Should().NotContain("name_key"));
    }

    /// <summary>The columns between SELECT and the partners table, if the line queries it.</summary>
    private static string? SelectList(string line)
    {
        var from = line.IndexOf("FROM partnerships.partners", StringComparison.Ordinal);
        var select = from < 0 ? -1 : line.LastIndexOf("SELECT", from, StringComparison.Ordinal);
        return select < 0 ? null : line[select..from];
    }
}
