using Applicants.Domain.Persons;
using Npgsql;

namespace PersonsLoader;

/// <summary>
/// Compares the name tokens stored for every person with the ones the domain computes from the
/// stored names: after the PersonNameTokens migration wrote them in SQL for persons registered
/// before it, they must be the same set as <see cref="NormalisedName.Tokens"/> gives.
/// </summary>
internal static class TokensCheck
{
    public static async Task<int> RunAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            "SELECT first_name, last_name, first_name_ar, last_name_ar, name_tokens FROM applicants.persons", connection);
        await using var reader = await read.ExecuteReaderAsync();
        long persons = 0, different = 0;
        while (await reader.ReadAsync())
        {
            persons++;
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var expected = NormalisedName.Tokens($"{Text(0)} {Text(1)}")
                .Union(NormalisedName.Tokens($"{Text(2)} {Text(3)}"), StringComparer.Ordinal)
                .ToHashSet(StringComparer.Ordinal);
            if (!expected.SetEquals(reader.GetFieldValue<string[]>(4)))
            {
                if (different++ < 5)
                {
                    Console.WriteLine($"  different tokens: expected {{{string.Join(',', expected)}}}, stored {{{string.Join(',', reader.GetFieldValue<string[]>(4))}}}");
                }
            }
        }

        Console.WriteLine($"RESULT tokens persons={persons} different={different}");
        return different == 0 ? 0 : 1;
    }
}
