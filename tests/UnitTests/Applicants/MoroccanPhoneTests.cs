using Applicants.Domain.Persons;

namespace UnitTests.Applicants;

public class MoroccanPhoneTests
{
    [Theory]
    [InlineData("0661234567", "+212661234567")]
    [InlineData("06 61 23 45 67", "+212661234567")]
    [InlineData("06.61.23.45.67", "+212661234567")]
    [InlineData("+212661234567", "+212661234567")]
    [InlineData("+212 661-234567", "+212661234567")]
    [InlineData("+212 (0)6 61 23 45 67", "+212661234567")]
    [InlineData("00212661234567", "+212661234567")]
    [InlineData("212661234567", "+212661234567")]
    [InlineData("0535621044", "+212535621044")]
    [InlineData("0712345678", "+212712345678")]
    [InlineData("0808123456", "+212808123456")]
    public void A_moroccan_number_is_normalised_to_plus_212_and_nine_digits(string typed, string stored)
    {
        MoroccanPhone.TryParse(typed, out var phone).Should().BeTrue();
        phone.Value.Should().Be(stored);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("066123456")]
    [InlineData("06612345678")]
    [InlineData("0161234567")]
    [InlineData("0961234567")]
    [InlineData("+33612345678")]
    [InlineData("0033612345678")]
    [InlineData("+212 461234567")]
    [InlineData("06 61 23 45 6x")]
    [InlineData("661234567")]
    public void Anything_else_is_refused(string? typed)
    {
        MoroccanPhone.TryParse(typed, out _).Should().BeFalse();
        var parse = () => MoroccanPhone.Parse(typed);
        parse.Should().Throw<FormatException>();
    }
}
