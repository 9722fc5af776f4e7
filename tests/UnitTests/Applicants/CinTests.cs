using Applicants.Domain.Persons;

namespace UnitTests.Applicants;

public class CinTests
{
    [Theory]
    [InlineData("AB123456", "AB123456")]
    [InlineData("ab123456", "AB123456")]
    [InlineData(" k 458 71 ", "K45871")]
    [InlineData("BK-654321", "BK654321")]
    [InlineData("s1", "S1")]
    public void A_cin_is_one_or_two_letters_then_digits_stored_upper_case_without_spaces(string typed, string stored)
    {
        Cin.TryParse(typed, out var cin).Should().BeTrue();
        cin.Value.Should().Be(stored);
        cin.Should().Be(Cin.Parse(stored));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("ABC12345")]
    [InlineData("AB")]
    [InlineData("12AB")]
    [InlineData("AB12C4")]
    [InlineData("AB123456789")]
    [InlineData("ب123456")]
    public void Anything_else_is_not_a_cin(string? typed)
    {
        Cin.TryParse(typed, out _).Should().BeFalse();
        Cin.IsValid(typed).Should().BeFalse();
        var parse = () => Cin.Parse(typed);
        parse.Should().Throw<FormatException>();
    }
}
