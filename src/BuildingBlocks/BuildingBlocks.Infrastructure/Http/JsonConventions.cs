using System.Text.Json;
using System.Text.Json.Serialization;
using BuildingBlocks.Domain;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>
/// Instants are written in Moroccan time with their offset (<c>2026-11-22T23:00:00+01:00</c>):
/// the same instant as UTC, readable by a person as it stands. Any offset is accepted on input.
/// </summary>
public sealed class MoroccanDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

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
