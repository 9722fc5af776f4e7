using BuildingBlocks.Domain;

namespace UnitTests.BuildingBlocks;

public class MoneyAllocationTests
{
    [Fact]
    public void Splitting_gives_the_leftover_centimes_to_the_first_parts()
    {
        Money.Mad(100.00m).Split(3).Select(m => m.Amount).Should().Equal(33.34m, 33.33m, 33.33m);
        Money.Mad(0.05m).Split(3).Select(m => m.Amount).Should().Equal(0.02m, 0.02m, 0.01m);
    }

    [Fact]
    public void Allocating_by_shares_keeps_the_whole_to_the_centime()
    {
        // A 60/40 tranche policy on an odd grant.
        Money.Mad(1_000.01m).Allocate([0.60m, 0.40m]).Select(m => m.Amount).Should().Equal(600.01m, 400.00m);
        Money.Mad(100.00m).Allocate([1m, 1m, 1m]).Select(m => m.Amount).Should().Equal(33.34m, 33.33m, 33.33m);
        Money.Mad(10.00m).Allocate([0m, 1m]).Select(m => m.Amount).Should().Equal(0.00m, 10.00m);
    }

    [Fact]
    public void The_centime_left_over_goes_to_the_largest_remainder()
    {
        // 0.10 × 1/6 = 0.0166…, × 5/6 = 0.0833…: the second part's remainder is the larger.
        Money.Mad(0.10m).Allocate([1m, 5m]).Select(m => m.Amount).Should().Equal(0.02m, 0.08m);
    }

    [Fact]
    public void A_negative_amount_is_allocated_like_its_opposite()
    {
        Money.Mad(-100.00m).Allocate([1m, 1m, 1m]).Select(m => m.Amount).Should().Equal(-33.34m, -33.33m, -33.33m);
    }

    [Fact]
    public void For_many_random_amounts_and_weights_the_parts_add_up_to_the_whole_and_none_is_off_by_a_centime()
    {
        var random = new Random(4242);
        for (var run = 0; run < 20_000; run++)
        {
            var amount = Money.Mad(random.NextInt64(0, 99_999_999_999_999) / 100m);
            var weights = Enumerable.Range(0, random.Next(1, 12)).Select(_ => (decimal)random.Next(0, 10_000) / 100m).ToList();
            if (weights.Sum() == 0m)
            {
                weights[0] = 1m;
            }

            var parts = amount.Allocate(weights);

            parts.Should().HaveCount(weights.Count);
            Money.Sum(parts).Should().Be(amount, $"{amount} by {string.Join('/', weights)}");
            for (var i = 0; i < parts.Count; i++)
            {
                var exact = amount.Amount * weights[i] / weights.Sum();
                Math.Abs(parts[i].Amount - exact).Should().BeLessThan(0.01m, $"{amount} by {string.Join('/', weights)}, part {i}");
            }
        }
    }

    [Fact]
    public void Weights_must_name_some_share()
    {
        var empty = () => Money.Mad(10m).Allocate([]);
        var zero = () => Money.Mad(10m).Allocate([0m, 0m]);
        var negative = () => Money.Mad(10m).Allocate([2m, -1m]);
        var none = () => Money.Mad(10m).Split(0);

        empty.Should().Throw<ArgumentException>();
        zero.Should().Throw<ArgumentException>();
        negative.Should().Throw<ArgumentException>();
        none.Should().Throw<ArgumentException>();
    }
}
