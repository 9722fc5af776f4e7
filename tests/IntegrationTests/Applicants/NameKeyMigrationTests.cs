using System.Net.Http.Json;
using System.Text.Json;
using Applicants.Infrastructure.Persistence.Migrations;
using IntegrationTests.Infrastructure;
using static IntegrationTests.Applicants.ApplicationData;

namespace IntegrationTests.Applicants;

/// <summary>
/// The SQL that re-keyed the stored names when NormalisedName stopped folding doubled digits gives
/// the keys and tokens the C# code gives, and rewrites only the names holding a digit.
/// </summary>
public sealed class NameKeyMigrationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_migration_re_keys_names_with_digits_as_the_code_keys_them_and_leaves_the_others()
    {
        var admin = await api.AdminClientAsync();
        var withDigits = Person();
        withDigits["firstName"] = "Mohammed 2";
        withDigits["lastName"] = $"Bennani-{Random.Shared.Next(100, 999)}1100 El Ouazzani";
        withDigits["firstNameAr"] = "مُحَمَّد ٢٢";
        withDigits["lastNameAr"] = "بنّاني ١١٠٠";
        var arabicOnly = Person();
        arabicOnly["firstName"] = arabicOnly["lastName"] = null;
        arabicOnly["firstNameAr"] = "فاطمة 33";
        arabicOnly["lastNameAr"] = "الإدريسي";
        var withoutDigits = Person();
        withoutDigits["firstName"] = "Khadija";
        withoutDigits["lastName"] = "Benkirane";
        var persons = new[] { await PersonAsync(admin, withDigits), await PersonAsync(admin, arabicOnly), await PersonAsync(admin, withoutDigits) };
        var group = new Dictionary<string, object?>
        {
            ["name"] = "Coopérative Tiwizi 11 Décembre Ait Ouallal",
            ["nameAr"] = "تعاونية تيويزي ٢٢٠٠",
            ["legalForm"] = "Cooperative",
            ["registrationNumber"] = $"KEY-{Guid.NewGuid():N}"[..20],
            ["createdOn"] = "2019-03-08",
            ["communeCode"] = "03.531.01.01",
            ["members"] = new[] { new Dictionary<string, object?> { ["personId"] = persons[2], ["role"] = "President" } },
        };
        var groupResponse = await admin.PostAsJsonAsync("/api/v1/groups", group);
        groupResponse.EnsureSuccessStatusCode();
        var groupId = (await groupResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        async Task<(string? Key, string[] Tokens)> PersonKeysAsync(Guid id) => (
            await api.ScalarAsync<string>($"SELECT name_key FROM applicants.persons WHERE id = '{id}'"),
            (await api.ScalarAsync<string>($"SELECT array_to_string(name_tokens, '|') FROM applicants.persons WHERE id = '{id}'"))!.Split('|', StringSplitOptions.RemoveEmptyEntries));
        Task<string?> GroupKeyAsync() => api.ScalarAsync<string>($"SELECT name_key FROM applicants.groups WHERE id = '{groupId}'");
        var byCode = await Task.WhenAll(persons.Select(PersonKeysAsync));
        var groupKey = await GroupKeyAsync();
        byCode[0].Key.Should().Contain("1100").And.Contain("٢٢");
        byCode[0].Tokens.Should().Contain("٢٢");

        var ids = string.Join(", ", persons.Select(id => $"'{id}'"));
        await api.ExecuteAsync($"UPDATE applicants.persons SET name_key = 'stale', name_tokens = '{{stale}}' WHERE id IN ({ids})");
        await api.ExecuteAsync($"UPDATE applicants.groups SET name_key = 'stale' WHERE id = '{groupId}'");
        await api.ExecuteAsync(NameKeysKeepDoubledDigits.ReKeyNamesWithDigits);

        var bySql = await Task.WhenAll(persons.Select(PersonKeysAsync));
        for (var i = 0; i < 2; i++)
        {
            bySql[i].Key.Should().Be(byCode[i].Key);
            bySql[i].Tokens.Should().BeEquivalentTo(byCode[i].Tokens);
        }

        (await GroupKeyAsync()).Should().Be(groupKey);
        bySql[2].Key.Should().Be("stale", "a name without a digit kept its key and is not rewritten");
    }
}
