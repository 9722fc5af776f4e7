using System.Globalization;

namespace BuildingBlocks.Domain;

/// <summary>
/// An amount of Moroccan dirhams to the centime. Never a float; never more than two decimals;
/// stored as <c>numeric(14,2)</c>. Arithmetic between two amounts stays exact.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const string Currency = "MAD";

    /// <summary>The largest amount a <c>numeric(14,2)</c> column holds.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    private Money(decimal amount) => Amount = amount;

    public decimal Amount { get; }

    public static Money Zero => new(0m);

    /// <summary>Creates an amount; refuses more than two decimals or more than 14 digits.</summary>
    public static Money Mad(decimal amount)
    {
        if (decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount in MAD has at most two decimals (centimes).");
        }

        if (Math.Abs(amount) > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount is larger than the system can hold.");
        }

        return new Money(amount);
    }

    public static bool TryMad(decimal amount, out Money money)
    {
        var ok = decimal.Round(amount, 2) == amount && Math.Abs(amount) <= MaxAmount;
        money = ok ? new Money(amount) : Zero;
        return ok;
    }

    public bool IsNegative => Amount < 0m;

    public static Money operator +(Money left, Money right) => Result(() => left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => Result(() => left.Amount - right.Amount);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    /// <summary>The total of several amounts; only the total has to fit, so amounts that cancel out are added exactly.</summary>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return Result(() => amounts.Aggregate(0m, (total, money) => total + money.Amount));
    }

    /// <summary>This amount times a factor (a quantity, a number of instalments), rounded half away from zero to the centime.</summary>
    public Money Times(decimal factor)
    {
        var amount = Amount;
        return Result(() => decimal.Round(amount * factor, 2, MidpointRounding.AwayFromZero));
    }

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    /// <summary>The share of this amount at a rate, rounded half away from zero to the centime.</summary>
    public Money PercentOf(decimal rate)
    {
        if (rate is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate is between 0 and 1.");
        }

        return Mad(decimal.Round(Amount * rate, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Splits this amount in proportion to the weights (a plan's shares, a tranche policy), to the
    /// centime. The parts always add up to the whole: the centimes that rounding down leaves over
    /// go one each to the parts with the largest remainders (the earliest part on a tie), so no
    /// part is off by more than a centime and none is lost or invented.
    /// </summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => w < 0m) || weights.Sum() <= 0m)
        {
            throw new ArgumentException("Allocation needs at least one weight, none negative, and a positive total.", nameof(weights));
        }

        // Work in whole centimes of the absolute amount, so every part is rounded the same way.
        var total = weights.Sum();
        var centimes = Math.Abs(Amount * 100m);
        var parts = new decimal[weights.Count];
        var remainders = new decimal[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = centimes * weights[i] / total;
            parts[i] = Math.Floor(exact);
            remainders[i] = exact - parts[i];
        }

        var leftOver = (int)(centimes - parts.Sum());
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(Math.Max(leftOver, 0)))
        {
            parts[i] += 1m;
        }

        var sign = Amount < 0m ? -1m : 1m;
        return parts.Select(c => new Money(c == 0m ? 0m : sign * c / 100m)).ToList();
    }

    /// <summary>Splits this amount into <paramref name="parts"/> equal parts to the centime, the first ones a centime larger when it does not divide exactly.</summary>
    public IReadOnlyList<Money> Split(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        return Allocate(Enumerable.Repeat(1m, parts).ToList());
    }

    /// <summary>
    /// The outcome of arithmetic. Amounts come from people and add up in ways no validator sees in
    /// advance, so a result the column (or a decimal) cannot hold is a broken rule the caller is
    /// told about (422), not a crash.
    /// </summary>
    private static Money Result(Func<decimal> arithmetic)
    {
        decimal amount;
        try
        {
            amount = arithmetic();
        }
        catch (OverflowException)
        {
            throw new BusinessRuleException(new AmountMustFitRule(decimal.MaxValue));
        }

        var rule = new AmountMustFitRule(amount);
        return rule.IsBroken() ? throw new BusinessRuleException(rule) : new Money(amount);
    }

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");
}

/// <summary>An amount the system computes stays within what it can store: ±999,999,999,999.99 MAD.</summary>
public sealed class AmountMustFitRule(decimal amount) : IBusinessRule
{
    public string Code => "money.amount-out-of-range";

    public LocalizedText Message { get; } = new(
        "The amount is larger than the system can hold (at most 999,999,999,999.99 MAD).",
        "Le montant dépasse ce que le système peut enregistrer (au plus 999 999 999 999,99 MAD).",
        "المبلغ أكبر مما يمكن للنظام تسجيله (999 999 999 999,99 درهم على الأكثر).");

    public bool IsBroken() => Math.Abs(amount) > Money.MaxAmount;
}
