using System.Text.Json;
using System.Text.Json.Serialization;
using BuildingBlocks.Domain;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>
/// Instants are written in Moroccan time with their offset (<c>2026-11-22T23:00:00+01:00</c>):
/// the same instant as UTC, readable by a person as it stands. Any offset is accepted on input,
/// for instants from 1900 to 2199: the extremes of the type (<c>0001-01-01</c>, <c>9999-12-31</c>)
/// are never meant, overflow when shifted to Moroccan time, and become ±infinity in PostgreSQL.
/// </summary>
public sealed class MoroccanDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var instant = reader.GetDateTimeOffset();
        return instant >= Earliest && instant < Latest
            ? instant
            : throw new JsonException("An instant is between 1900 and 2199.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(MoroccanTime.ToLocal(value));
    }
}

/// <summary>
/// Money is a JSON number with exactly two decimals (<c>1234.50</c>); on input a number or a
/// numeric string with at most two decimals. Never a float on either side.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var amount = reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetDecimal(out var number) => number,
            JsonTokenType.String when decimal.TryParse(reader.GetString(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new JsonException("An amount in MAD is a number with at most two decimals."),
        };
        return Money.TryMad(amount, out var money)
            ? money
            : throw new JsonException("An amount in MAD has at most two decimals.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // Adding 0.00m gives the decimal a scale of at least two, so 1234.5 is written 1234.50.
        writer.WriteNumberValue(value.Amount + 0.00m);
    }
}
