using System.Text.Json;
using BuildingBlocks.Infrastructure.Http;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// A small value kept whole in one jsonb column (a partner's contacts, a convention's commitments,
/// an application's eligibility checks, an imported line's errors): read and written with its
/// aggregate, never queried item by item. Amounts are written as the API writes them. The item
/// type must also be ignored by the model (<c>modelBuilder.Ignore&lt;T&gt;()</c>), or EF's
/// conventions take it for an entity.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new MoneyJsonConverter() },
    };

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());

    public static ValueConverter<T, string> ValueConverter<T>()
        where T : class => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<T>(v, Options)!);

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());
}
