using BuildingBlocks.Domain;
using Financing.Domain.Loans;

namespace UnitTests.Financing;

public class RepaymentScheduleTests
{
    private static readonly DateOnly FirstDue = new(2026, 1, 31);

    [Fact]
    public void An_honour_loan_repays_its_principal_in_equal_parts_the_last_ones_a_centime_larger()
    {
        var schedule = RepaymentSchedule.For(Money.Mad(10_000.00m), 0m, 3, 0, FirstDue);

        schedule.Select(i => i.Principal.Amount).Should().Equal(3_333.33m, 3_333.33m, 3_333.34m);
        schedule.Should().OnlyContain(i => i.Interest == Money.Zero);
        schedule.Select(i => i.DueOn).Should().Equal(new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31));
        schedule.Select(i => i.Number).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Grace_months_of_an_honour_loan_ask_for_nothing_and_push_the_first_instalment_back()
    {
        var schedule = RepaymentSchedule.For(Money.Mad(12_000.00m), 0m, 12, 3, FirstDue);

        schedule.Should().HaveCount(9);
        schedule[0].DueOn.Should().Be(new DateOnly(2026, 4, 30));
        schedule[0].Number.Should().Be(1);
        Money.Sum(schedule.Select(i => i.Principal)).Should().Be(Money.Mad(12_000.00m));
    }

    [Fact]
    public void A_loan_with_interest_pays_a_constant_annuity_and_only_interest_during_grace()
    {
        // 50,000 MAD at 12 % a year over 12 months after 2 months of grace: 1 % a month.
        var schedule = RepaymentSchedule.For(Money.Mad(50_000.00m), 0.12m, 14, 2, FirstDue);

        schedule.Should().HaveCount(14);
        schedule.Take(2).Should().OnlyContain(i => i.Principal == Money.Zero && i.Interest == Money.Mad(500.00m));
        // The textbook annuity: 50,000 × 0.01 / (1 − 1.01^−12) = 4,442.44 MAD.
        schedule.Skip(2).SkipLast(1).Should().OnlyContain(i => i.Amount == Money.Mad(4_442.44m));
        schedule[2].Interest.Should().Be(Money.Mad(500.00m));
        Money.Sum(schedule.Select(i => i.Principal)).Should().Be(Money.Mad(50_000.00m));
    }

    [Fact]
    public void For_many_random_principals_rates_and_terms_the_principal_parts_add_up_to_the_principal()
    {
        var random = new Random(20261126);
        for (var run = 0; run < 5_000; run++)
        {
            var principal = Money.Mad(random.Next(1, 100_000_000) / 100m + random.Next(0, 3) * 1_000_000m);
            var rate = random.Next(0, 3) == 0 ? 0m : random.Next(0, 3_000) / 10_000m;
            var term = random.Next(1, RepaymentSchedule.MaximumTermMonths + 1);
            var grace = random.Next(0, Math.Min(term, 24));
            var because = $"principal {principal}, rate {rate}, term {term}, grace {grace}";

            var schedule = RepaymentSchedule.For(principal, rate, term, grace, FirstDue);

            Money.Sum(schedule.Select(i => i.Principal)).Should().Be(principal, because);
            schedule.Should().OnlyContain(i => !i.Principal.IsNegative && !i.Interest.IsNegative && i.Amount > Money.Zero, because);
            schedule.Select(i => i.Number).Should().Equal(Enumerable.Range(1, schedule.Count), because);
            schedule.Select(i => i.DueOn).Should().BeInAscendingOrder(because);
            schedule.Where(i => i.DueOn < FirstDue.AddMonths(grace)).Should().NotContain(i => i.Principal != Money.Zero, because);
            schedule.Last().DueOn.Should().Be(FirstDue.AddMonths(term - 1), because);
            if (rate == 0m)
            {
                var repaying = schedule.Where(i => i.Principal > Money.Zero).ToList();
                schedule.Should().OnlyContain(i => i.Interest == Money.Zero, because);
                (repaying.Max(i => i.Amount.Amount) - repaying.Min(i => i.Amount.Amount)).Should().BeLessThanOrEqualTo(0.01m, because);
            }
        }
    }

    [Fact]
    public void For_many_random_loans_as_lenders_make_them_every_instalment_but_the_last_is_the_same_annuity()
    {
        // Microcredit and bank loans: 1,000 MAD to 2 million, up to 30 % a year, up to ten years.
        var random = new Random(1126);
        for (var run = 0; run < 5_000; run++)
        {
            var principal = Money.Mad(random.Next(100_000, 200_000_000) / 100m);
            var rate = random.Next(1, 3_000) / 10_000m;
            var term = random.Next(1, 121);
            var grace = random.Next(0, Math.Min(term, 12));
            var because = $"principal {principal}, rate {rate}, term {term}, grace {grace}";

            var schedule = RepaymentSchedule.For(principal, rate, term, grace, FirstDue);

            var amortising = schedule.Where(i => i.DueOn >= FirstDue.AddMonths(grace)).ToList();
            amortising.Should().HaveCount(term - grace, because);
            amortising.SkipLast(1).Select(i => i.Amount).Distinct().Should().HaveCountLessThanOrEqualTo(1, because);
            Money.Sum(schedule.Select(i => i.Principal)).Should().Be(principal, because);
            // The last instalment settles the rounding: at most a centime a month (the annuity's and the interest's), grown at the loan's rate.
            if (amortising.Count > 1)
            {
                var grown = Enumerable.Range(0, amortising.Count).Aggregate((Sum: 0m, Factor: 1m), (a, _) => (a.Sum + a.Factor, a.Factor * (1m + rate / 12m))).Sum;
                Math.Abs(amortising[^1].Amount.Amount - amortising[0].Amount.Amount).Should().BeLessThan(0.01m * grown + 0.02m, because);
            }
        }
    }

    [Theory]
    [InlineData(0, 0, "loan.term-out-of-range")]
    [InlineData(361, 0, "loan.term-out-of-range")]
    [InlineData(12, 12, "loan.grace-must-leave-repayments")]
    [InlineData(12, -1, "loan.grace-must-leave-repayments")]
    public void A_term_without_repayments_is_refused(int term, int grace, string rule)
    {
        var act = () => RepaymentSchedule.For(Money.Mad(1_000.00m), 0m, term, grace, FirstDue);

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be(rule);
    }

    [Theory]
    [InlineData(0, "loan.principal-must-be-positive")]
    [InlineData(-10, "loan.principal-must-be-positive")]
    public void A_loan_lends_something(decimal principal, string rule)
    {
        var act = () => RepaymentSchedule.For(Money.Mad(principal), 0m, 12, 0, FirstDue);

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be(rule);
    }

    [Fact]
    public void A_rate_is_between_zero_and_one()
    {
        var act = () => RepaymentSchedule.For(Money.Mad(1_000.00m), 1.5m, 12, 0, FirstDue);

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("loan.rate-out-of-range");
    }
}
