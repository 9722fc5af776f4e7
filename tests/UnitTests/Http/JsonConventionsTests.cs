using System.Text.Json;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;

namespace UnitTests.Http;

public class JsonConventionsTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new MoroccanDateTimeOffsetConverter(), new MoneyJsonConverter() },
    };

    private sealed record Amounts(Money Total, Money Grant);

    private sealed record Stamp(DateTimeOffset At);

    [Fact]
    public void Money_is_written_as_a_number_with_two_decimals()
    {
        JsonSerializer.Serialize(new Amounts(Money.Mad(28_000_000m), Money.Mad(1234.5m)), Options)
            .Should().Be("""{"total":28000000.00,"grant":1234.50}""");
    }

    [Theory]
    [InlineData("""{"total":1234.56,"grant":"20000000.10"}""", 1234.56, 20000000.10)]
    [InlineData("""{"total":0,"grant":"0.5"}""", 0, 0.5)]
    public void Money_is_read_from_a_number_or_a_numeric_string(string json, double total, double grant)
    {
        var amounts = JsonSerializer.Deserialize<Amounts>(json, Options)!;

        amounts.Total.Amount.Should().Be((decimal)total);
        amounts.Grant.Amount.Should().Be((decimal)grant);
    }

    [Theory]
    [InlineData("""{"total":12.345,"grant":0}""")]
    [InlineData("""{"total":"twelve","grant":0}""")]
    [InlineData("""{"total":true,"grant":0}""")]
    public void An_amount_with_centimes_fractions_or_no_number_is_refused(string json)
    {
        var read = () => JsonSerializer.Deserialize<Amounts>(json, Options);

        read.Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("2026-11-22T22:00:00+00:00", "2026-11-22T23:00:00+01:00")]
    [InlineData("2026-03-01T09:00:00+00:00", "2026-03-01T09:00:00+00:00")]
    public void Instants_are_written_in_moroccan_time_with_their_offset(string utc, string expected)
    {
        // Morocco keeps UTC+1 except during Ramadan (about a month, here around March 2026), when it returns to UTC+0.
        var json = JsonSerializer.Serialize(new Stamp(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), Options);

        json.Should().Be($$"""{"at":"{{expected}}"}""");
        JsonSerializer.Deserialize<Stamp>(json, Options)!.At.Should().Be(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-01-01T01:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59-12:00")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("2200-01-01T00:00:00Z")]
    public void Instants_at_the_extremes_of_the_type_are_refused(string instant)
    {
        var read = () => JsonSerializer.Deserialize<Stamp>($$"""{"at":"{{instant}}"}""", Options);

        read.Should().Throw<JsonException>();
    }
}
