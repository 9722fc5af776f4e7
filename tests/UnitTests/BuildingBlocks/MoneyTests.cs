using BuildingBlocks.Domain;

namespace UnitTests.BuildingBlocks;

public class MoneyTests
{
    [Fact]
    public void An_amount_with_two_decimals_is_accepted()
    {
        Money.Mad(1234.56m).Amount.Should().Be(1234.56m);
    }

    [Fact]
    public void An_amount_with_three_decimals_is_refused()
    {
        var act = () => Money.Mad(10.005m);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("amount");
    }

    [Fact]
    public void Trailing_zeros_beyond_the_centime_are_not_extra_decimals()
    {
        Money.Mad(10.500m).Should().Be(Money.Mad(10.5m));
    }

    [Fact]
    public void The_largest_amount_a_column_holds_is_accepted()
    {
        Money.Mad(Money.MaxAmount).Amount.Should().Be(999_999_999_999.99m);
        Money.Mad(-Money.MaxAmount).Amount.Should().Be(-999_999_999_999.99m);
    }

    [Fact]
    public void An_amount_above_the_largest_is_refused()
    {
        var act = () => Money.Mad(Money.MaxAmount + 0.01m);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_negative_amount_below_the_largest_is_refused()
    {
        var act = () => Money.Mad(-Money.MaxAmount - 0.01m);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void TryMad_answers_false_and_zero_for_an_amount_it_refuses()
    {
        Money.TryMad(1.001m, out var money).Should().BeFalse();
        money.Should().Be(Money.Zero);

        Money.TryMad(1.25m, out var accepted).Should().BeTrue();
        accepted.Amount.Should().Be(1.25m);
    }

    [Fact]
    public void Adding_a_tenth_and_two_tenths_gives_exactly_thirty_centimes()
    {
        var sum = Money.Mad(0.1m) + Money.Mad(0.2m);

        sum.Should().Be(Money.Mad(0.30m));
        sum.Amount.Should().Be(0.3m);
    }

    [Fact]
    public void Subtracting_is_exact_and_may_go_negative()
    {
        var difference = Money.Mad(0.3m).Subtract(Money.Mad(0.1m));
        difference.Should().Be(Money.Mad(0.2m));

        var negative = Money.Mad(100m) - Money.Mad(100.01m);
        negative.Amount.Should().Be(-0.01m);
        negative.IsNegative.Should().BeTrue();
    }

    [Fact]
    public void A_sum_beyond_the_largest_amount_is_a_broken_business_rule_named_in_three_languages()
    {
        var act = () => Money.Mad(Money.MaxAmount) + Money.Mad(0.01m);

        var rule = act.Should().Throw<BusinessRuleException>().Which;
        rule.Code.Should().Be("money.amount-out-of-range");
        rule.Text.En.Should().NotBeNullOrWhiteSpace();
        new[] { rule.Text.En, rule.Text.Fr, rule.Text.Ar }.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_difference_below_the_smallest_amount_is_the_same_broken_rule()
    {
        var act = () => Money.Mad(-Money.MaxAmount).Subtract(Money.Mad(1m));

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("money.amount-out-of-range");
    }

    [Fact]
    public void A_product_beyond_what_a_decimal_holds_is_the_same_broken_rule_not_an_overflow()
    {
        var act = () => Money.Mad(Money.MaxAmount).Times(decimal.MaxValue);

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("money.amount-out-of-range");
    }

    [Fact]
    public void A_product_is_rounded_half_away_from_zero_to_the_centime()
    {
        Money.Mad(10.05m).Times(0.5m).Should().Be(Money.Mad(5.03m));
        Money.Mad(1000m).Times(12).Should().Be(Money.Mad(12_000m));
    }

    [Fact]
    public void A_total_beyond_the_largest_amount_is_the_same_broken_rule()
    {
        var act = () => Money.Sum(Enumerable.Repeat(Money.Mad(Money.MaxAmount), 3));

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("money.amount-out-of-range");
    }

    [Fact]
    public void A_total_is_checked_once_so_amounts_that_cancel_out_are_added_exactly()
    {
        Money.Sum([Money.Mad(Money.MaxAmount), Money.Mad(1m), Money.Mad(-Money.MaxAmount)]).Should().Be(Money.Mad(1m));
        Money.Sum([]).Should().Be(Money.Zero);
    }

    [Theory]
    [InlineData("1000.05", "0.30", "300.02")] // 300.015 rounds up
    [InlineData("0.05", "0.5", "0.03")]       // 0.025 rounds away from zero, not to even (0.02)
    [InlineData("-0.05", "0.5", "-0.03")]     // and away from zero below it too
    [InlineData("1000.00", "0.125", "125.00")]
    [InlineData("999.99", "1", "999.99")]
    [InlineData("999.99", "0", "0.00")]
    public void A_share_is_rounded_half_away_from_zero_to_the_centime(string amount, string rate, string expected)
    {
        var share = Money.Mad(Dec(amount)).PercentOf(Dec(rate));

        share.Amount.Should().Be(Dec(expected));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.01")]
    public void A_rate_outside_zero_to_one_is_refused(string rate)
    {
        var act = () => Money.Mad(100m).PercentOf(Dec(rate));

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("rate");
    }

    [Fact]
    public void Amounts_are_ordered_by_value()
    {
        var small = Money.Mad(-5m);
        var middle = Money.Mad(10m);
        var large = Money.Mad(10.01m);

        (small < middle).Should().BeTrue();
        (large > middle).Should().BeTrue();
        (middle <= Money.Mad(10m)).Should().BeTrue();
        (middle >= Money.Mad(10m)).Should().BeTrue();
        (large <= middle).Should().BeFalse();
        new[] { large, small, middle }.Order().Should().Equal(small, middle, large);
        middle.CompareTo(large).Should().BeNegative();
    }

    [Fact]
    public void An_amount_is_written_with_two_decimals_and_the_currency_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-MA");

            Money.Mad(1234.5m).ToString().Should().Be("1234.50 MAD");
            Money.Zero.ToString().Should().Be("0.00 MAD");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
