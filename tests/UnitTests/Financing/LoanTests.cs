using BuildingBlocks.Domain;
using Financing.Domain.Financings;
using Financing.Domain.Loans;
using Financing.Domain.Programmes;

namespace UnitTests.Financing;

public class LoanTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 30, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly FirstDue = new(2026, 2, 28);

    [Fact]
    public void For_many_random_loans_repaid_in_random_chunks_every_centime_lands_and_the_loan_closes_with_nothing_outstanding()
    {
        var random = new Random(20261127);
        for (var run = 0; run < 500; run++)
        {
            var principal = random.Next(100_00, 20_000_000) / 100m;
            var rate = random.Next(0, 2) == 0 ? 0m : random.Next(1, 3_000) / 10_000m;
            var term = random.Next(1, 61);
            var grace = random.Next(0, Math.Min(term, 7));
            var because = $"principal {principal}, rate {rate}, term {term}, grace {grace}";
            var loan = Grant(principal, rate, term, grace);

            var paidOn = FirstDue;
            while (loan.Status == LoanStatus.Active)
            {
                var chunk = Money.Mad(Math.Min(loan.Outstanding.Amount, random.Next(1, 500_000) / 100m));
                loan.Repay(chunk, paidOn, null, null, Now);
                paidOn = paidOn.AddDays(random.Next(0, 40));
                loan.OutstandingPrincipal.IsNegative.Should().BeFalse(because);
            }

            loan.Repaid.Should().Be(loan.TotalDue, because);
            loan.OutstandingPrincipal.Should().Be(Money.Zero, because);
            loan.Instalments.Should().OnlyContain(i => i.Paid == i.Amount && i.PaidOffOn != null, because);
            Money.Sum(loan.Repayments.Select(r => r.Amount)).Should().Be(loan.TotalDue, because);
            loan.DaysPastDue.Should().Be(0, because);
        }
    }

    [Fact]
    public void A_partial_repayment_pays_the_oldest_instalment_first_interest_before_principal()
    {
        // 12,000 MAD at 12 % over 3 months: interest is paid before principal within an instalment.
        var loan = Grant(12_000.00m, 0.12m, 3, 0);
        var first = loan.Instalments.OrderBy(i => i.Number).First();

        loan.Repay(Money.Mad(100.00m), FirstDue.AddDays(10), "REC-1", null, Now);

        first.Paid.Should().Be(Money.Mad(100.00m));
        loan.OutstandingPrincipal.Should().Be(Money.Mad(12_000.00m), "the first 120 MAD of the instalment are interest");
        loan.DaysPastDue.Should().Be(10);
        loan.ArrearsBucket.Should().Be("1-30");
        loan.AmountOverdue.Should().Be(first.Amount - Money.Mad(100.00m));
    }

    [Fact]
    public void More_than_what_is_owed_and_anything_on_a_repaid_loan_are_refused_with_the_rule_named()
    {
        var loan = Grant(3_000.00m, 0m, 3, 0);

        var over = () => loan.Repay(Money.Mad(3_000.01m), FirstDue, null, null, Now);
        over.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("loan.repayment-over-outstanding");
        loan.Repay(Money.Mad(3_000.00m), FirstDue, null, null, Now);
        loan.Status.Should().Be(LoanStatus.Repaid);
        var closed = () => loan.Repay(Money.Mad(1.00m), FirstDue, null, null, Now);
        closed.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("loan.closed");
    }

    [Theory]
    [InlineData(0, "current")]
    [InlineData(1, "1-30")]
    [InlineData(30, "1-30")]
    [InlineData(31, "31-60")]
    [InlineData(60, "31-60")]
    [InlineData(61, "61-90")]
    [InlineData(90, "61-90")]
    [InlineData(91, "90+")]
    public void Days_past_due_fall_in_the_portfolio_buckets(int days, string bucket) => ArrearsBucket.For(days).Should().Be(bucket);

    private static Loan Grant(decimal principal, decimal rate, int term, int grace)
    {
        var funder = Guid.NewGuid();
        var programme = Programme.Define(
            new ProgrammeDetails(
                "UNIT-LOANS", "Prêts", "قروض", null, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), [], [], true, false, null, null, null, null, 0m,
                [FinancingInstrument.Grant, FinancingInstrument.HonourLoan, FinancingInstrument.PartnerLoan], [new TrancheRule(1m, false)], 6, 24, null,
                [new FunderShare(funder, Money.Mad(1_000_000.00m))]),
            Now);
        programme.Open(Now);
        var amount = Money.Mad(principal);
        var financing = ProjectFinancing.Approve(
            programme,
            new ApprovedProject(Guid.NewGuid(), null, "Person", Guid.NewGuid(), "Crafts", "12.391.01.01", "12.391"),
            amount + Money.Mad(1_000.00m),
            [new PlanLineSpec(PlanLineSource.FunderGrant, funder, Money.Mad(1_000.00m)), new PlanLineSpec(PlanLineSource.Loan, rate == 0m ? null : funder, amount, rate, term, grace)],
            null,
            Now);
        return Loan.Grant(financing, financing.CurrentPlan.Single(l => l.Source == PlanLineSource.Loan), FirstDue, Now);
    }
}
