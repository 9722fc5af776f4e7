using BuildingBlocks.Domain;
using Financing.Domain.Loans.Rules;

namespace Financing.Domain.Loans;

/// <summary>One instalment of a loan's schedule: the principal it repays and the interest it pays, due on a day.</summary>
public sealed record ScheduledInstalment(int Number, DateOnly DueOn, Money Principal, Money Interest)
{
    public Money Amount => Principal + Interest;
}

/// <summary>
/// A loan's repayment schedule: monthly, equal instalments after the grace months. An honour loan
/// (0 %) repays its principal in equal parts, the last ones a centime larger when it does not
/// divide; a loan with interest pays the annuity (constant instalment) with interest on the
/// balance at a twelfth of the annual rate, and only interest during its grace months. Whatever
/// the rounding, the principal parts add up to the principal to the centime: the last
/// instalment repays exactly what is left.
/// </summary>
public static class RepaymentSchedule
{
    public const int MaximumTermMonths = 360;

    public static IReadOnlyList<ScheduledInstalment> For(Money principal, decimal annualRate, int termMonths, int graceMonths, DateOnly firstDueOn)
    {
        Check(new PrincipalMustBePositiveRule(principal));
        Check(new TermMustBeInRangeRule(termMonths));
        Check(new GraceMustLeaveRepaymentsRule(termMonths, graceMonths));
        Check(new RateMustBeInRangeRule(annualRate));

        var repayments = termMonths - graceMonths;
        var monthlyRate = annualRate / 12m;
        // An honour loan's equal parts, the leftover centimes on the last ones (the loan ends on its exact balance).
        var equalParts = monthlyRate == 0m ? principal.Split(repayments).Reverse().Select(p => p.Amount).ToList() : [];
        var annuity = monthlyRate == 0m ? 0m : Annuity(principal.Amount, monthlyRate, repayments);

        var schedule = new List<ScheduledInstalment>(termMonths);
        var balance = principal.Amount;
        for (var month = 0; month < termMonths; month++)
        {
            var interest = Round(balance * monthlyRate);
            var repaid = month < graceMonths ? 0m
                : month == termMonths - 1 ? balance
                : monthlyRate == 0m ? equalParts[month - graceMonths]
                // Rounding never repays the loan before its last month: a centime at least stays for it.
                : Math.Clamp(annuity - interest, 0m, balance - 0.01m);
            balance -= repaid;
            if (repaid + interest > 0m)
            {
                schedule.Add(new ScheduledInstalment(schedule.Count + 1, firstDueOn.AddMonths(month), Money.Mad(repaid), Money.Mad(interest)));
            }
        }

        return schedule;
    }

    /// <summary>The constant instalment that repays <paramref name="principal"/> in <paramref name="months"/> at a monthly rate: P·r / (1 − (1 + r)^−n).</summary>
    private static decimal Annuity(decimal principal, decimal monthlyRate, int months)
    {
        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1m + monthlyRate;
        }

        return Math.Max(Round(principal * monthlyRate * growth / (growth - 1m)), 0.01m);
    }

    private static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleException(rule);
        }
    }
}
