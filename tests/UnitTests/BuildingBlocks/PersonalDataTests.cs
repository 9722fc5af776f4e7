using BuildingBlocks.Application.Privacy;

namespace UnitTests.BuildingBlocks;

public class PersonalDataTests
{
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
