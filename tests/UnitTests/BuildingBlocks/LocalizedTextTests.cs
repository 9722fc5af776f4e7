using System.Globalization;
using BuildingBlocks.Domain;

namespace UnitTests.BuildingBlocks;

public class LocalizedTextTests
{
    private static readonly LocalizedText Text = new("Hello", "Bonjour", "مرحبا");

    [Theory]
    [InlineData("ar", "مرحبا")]
    [InlineData("ar-MA", "مرحبا")]
    [InlineData("en", "Hello")]
    [InlineData("en-GB", "Hello")]
    [InlineData("fr", "Bonjour")]
    [InlineData("fr-MA", "Bonjour")]
    public void The_text_is_given_in_the_language_of_the_culture(string culture, string expected)
    {
        Text.In(new CultureInfo(culture)).Should().Be(expected);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("es-ES")]
    public void Any_other_language_falls_back_to_French(string culture)
    {
        Text.In(new CultureInfo(culture)).Should().Be("Bonjour");
    }

    [Fact]
    public void The_invariant_culture_falls_back_to_French()
    {
        Text.In(CultureInfo.InvariantCulture).Should().Be("Bonjour");
    }

    [Fact]
    public void Written_out_the_text_follows_the_current_UI_culture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("ar-MA");
            Text.ToString().Should().Be("مرحبا");

            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Text.ToString().Should().Be("Hello");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
