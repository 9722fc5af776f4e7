using BuildingBlocks.Application.Privacy;

namespace UnitTests.BuildingBlocks;

public class PersonalDataTests
{
    [Theory]
    [InlineData("AB123456", "AB****56")]
    [InlineData("K123456", "K****56")]
    [InlineData("123456", "****56")]
    public void A_CIN_keeps_its_letters_and_last_two_digits(string cin, string expected)
    {
        PersonalData.MaskCin(cin).Should().Be(expected);
    }

    [Theory]
    [InlineData("K1", "**")]
    [InlineData("AB12", "****")]
    [InlineData("X", "*")]
    public void A_CIN_with_two_digits_or_fewer_is_masked_entirely(string cin, string expected)
    {
        PersonalData.MaskCin(cin).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_CIN_masks_to_nothing(string? cin)
    {
        PersonalData.MaskCin(cin).Should().BeEmpty();
    }

    [Fact]
    public void A_phone_keeps_its_country_prefix_and_last_two_digits()
    {
        PersonalData.MaskPhone("+212612345678").Should().Be("+212*******78");
        PersonalData.MaskPhone("0612345678").Should().Be("0612****78");
    }

    [Fact]
    public void A_short_phone_is_masked_entirely()
    {
        PersonalData.MaskPhone("123456").Should().Be("******");
        PersonalData.MaskPhone(null).Should().BeEmpty();
    }

    [Fact]
    public void An_email_keeps_its_first_letter_and_domain()
    {
        PersonalData.MaskEmail("fatima.zahra@example.ma").Should().Be("f***@example.ma");
    }

    [Theory]
    [InlineData("not-an-email", "***")]
    [InlineData("@example.ma", "***")]
    [InlineData(null, "")]
    public void An_email_without_a_local_part_reveals_nothing(string? email, string expected)
    {
        PersonalData.MaskEmail(email).Should().Be(expected);
    }

    [Theory]
    [InlineData("AB123456", "AB****56")]
    [InlineData("+212612345678", "+2*********78")]
    [InlineData("K12345", "******")]
    [InlineData("", "")]
    public void The_log_mask_keeps_two_characters_at_each_end_of_long_values_only(string value, string expected)
    {
        var destination = new char[value.Length];

        var written = PersonalData.Mask(value, destination);

        new string(destination, 0, written).Should().Be(expected);
    }
}
