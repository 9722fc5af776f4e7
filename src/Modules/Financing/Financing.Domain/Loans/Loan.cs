using BuildingBlocks.Domain;
using Financing.Domain.Financings;
using Financing.Domain.Loans.Rules;
using Financing.Domain.Programmes;

namespace Financing.Domain.Loans;

public readonly record struct LoanId(Guid Value) : IStronglyTypedId
{
    public static LoanId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct LoanInstalmentId(Guid Value) : IStronglyTypedId
{
    public static LoanInstalmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct LoanRepaymentId(Guid Value) : IStronglyTypedId
{
    public static LoanRepaymentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where a loan stands.</summary>
public enum LoanStatus
{
    /// <summary>Being repaid.</summary>
    Active,

    /// <summary>Every instalment is paid; nothing more is taken.</summary>
    Repaid,

    /// <summary>Replaced by a committee's revision of the plan; nothing more is taken.</summary>
    Cancelled,
}

/// <summary>
/// How late a loan is, by the days past due of its oldest unpaid instalment: the buckets of
/// microfinance portfolio reports. The daily arrears job sets them for every loan at once.
/// </summary>
public static class ArrearsBucket
{
    public const string Current = "current";
    public const string UpTo30 = "1-30";
    public const string UpTo60 = "31-60";
    public const string UpTo90 = "61-90";
    public const string Over90 = "90+";

    public static readonly IReadOnlyList<string> All = [Current, UpTo30, UpTo60, UpTo90, Over90];

    public static string For(int daysPastDue) => daysPastDue switch
    {
        <= 0 => Current,
        <= 30 => UpTo30,
        <= 60 => UpTo60,
        <= 90 => UpTo90,
        _ => Over90,
    };
}

/// <summary>
/// A loan of an approved financing plan (an honour loan from the programme at 0 %, or a partner's
/// bank or microcredit loan): its schedule of equal instalments, the repayments received and how
/// late it is. A repayment pays the oldest instalment due first, interest before principal; more
/// than what is still owed is refused, and a loan repaid or cancelled takes nothing more.
/// </summary>
public sealed class Loan : AggregateRoot<LoanId>, IProvinceScoped
{
    private readonly List<LoanInstalment> _instalments = [];
    private readonly List<LoanRepayment> _repayments = [];

    private Loan()
    {
        ProvinceCode = string.Empty;
        ArrearsBucket = Loans.ArrearsBucket.Current;
    }

    public FinancingId FinancingId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string ProvinceCode { get; private set; }

    /// <summary>The financing plan this loan was a line of.</summary>
    public int PlanVersion { get; private set; }

    /// <summary>The bank or microcredit institution; null for the programme's honour loan.</summary>
    public Guid? LenderId { get; private set; }

    public Money Principal { get; private set; }

    /// <summary>0–1; 0 for an honour loan.</summary>
    public decimal AnnualRate { get; private set; }

    public int TermMonths { get; private set; }

    public int GraceMonths { get; private set; }

    /// <summary>The day the first month of the term falls due (a grace month asks for nothing, unless it has interest).</summary>
    public DateOnly FirstDueOn { get; private set; }

    public LoanStatus Status { get; private set; }

    /// <summary>What the schedule asks in all, principal and interest.</summary>
    public Money TotalDue { get; private set; }

    public Money Repaid { get; private set; }

    /// <summary>The principal not yet repaid (the portfolio outstanding).</summary>
    public Money OutstandingPrincipal { get; private set; }

    /// <summary>Days past due of the oldest unpaid instalment on <see cref="AgedOn"/>; 0 when current.</summary>
    public int DaysPastDue { get; private set; }

    public string ArrearsBucket { get; private set; }

    /// <summary>What was due and unpaid on <see cref="AgedOn"/>.</summary>
    public Money AmountOverdue { get; private set; }

    /// <summary>The due day of the instalment that opened the current arrears episode; null when current.</summary>
    public DateOnly? InArrearsSince { get; private set; }

    /// <summary>The episode (by its start) already told to the other modules, so that an episode is told once.</summary>
    public DateOnly? ArrearsReportedFor { get; private set; }

    /// <summary>The day the arrears job last aged the loan (or a repayment did).</summary>
    public DateOnly? AgedOn { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyCollection<LoanInstalment> Instalments => _instalments;

    public IReadOnlyCollection<LoanRepayment> Repayments => _repayments;

    /// <summary>A loan line of an approved plan, with its schedule; its first month falls due a month after the approval.</summary>
    public static Loan Grant(ProjectFinancing financing, PlanLine line, DateOnly firstDueOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(financing);
        ArgumentNullException.ThrowIfNull(line);
        var rate = line.AnnualRate ?? 0m;
        var schedule = RepaymentSchedule.For(line.Amount, rate, line.TermMonths ?? 0, line.GraceMonths ?? 0, firstDueOn);
        var loan = new Loan
        {
            Id = LoanId.New(),
            FinancingId = financing.Id,
            ApplicationId = financing.ApplicationId,
            ProgrammeId = financing.ProgrammeId,
            ProvinceCode = financing.ProvinceCode,
            PlanVersion = line.PlanVersion,
            LenderId = line.PartnerId,
            Principal = line.Amount,
            AnnualRate = rate,
            TermMonths = line.TermMonths ?? 0,
            GraceMonths = line.GraceMonths ?? 0,
            FirstDueOn = firstDueOn,
            Status = LoanStatus.Active,
            TotalDue = Money.Sum(schedule.Select(i => i.Amount)),
            Repaid = Money.Zero,
            OutstandingPrincipal = line.Amount,
            AmountOverdue = Money.Zero,
            CreatedOn = now,
        };
        loan._instalments.AddRange(schedule.Select(LoanInstalment.Create));
        return loan;
    }

    public Money Outstanding => TotalDue - Repaid;

    /// <summary>
    /// Records a repayment received on <paramref name="paidOn"/>, partial or late: it pays the
    /// oldest instalment not yet paid, interest first, then the next. Paying off the last
    /// instalment closes the loan.
    /// </summary>
    public LoanRepayment Repay(Money amount, DateOnly paidOn, string? reference, Guid? by, DateTimeOffset now)
    {
        CheckRule(new ClosedLoanTakesNoRepaymentRule(Status));
        CheckRule(new RepaymentMustBePositiveRule(amount));
        CheckRule(new RepaymentMustNotExceedOutstandingRule(amount, Outstanding));

        var left = amount;
        foreach (var instalment in _instalments.Where(i => !i.IsPaid).OrderBy(i => i.Number))
        {
            if (left <= Money.Zero)
            {
                break;
            }

            var (paid, principal) = instalment.Pay(left, paidOn);
            left -= paid;
            OutstandingPrincipal -= principal;
        }

        Repaid += amount;
        var repayment = LoanRepayment.Create(amount, paidOn, reference, by, now);
        _repayments.Add(repayment);
        if (_instalments.All(i => i.IsPaid))
        {
            Status = LoanStatus.Repaid;
            ClosedOn = paidOn;
        }

        AgeAsOf(paidOn);
        return repayment;
    }

    /// <summary>A committee's revision replaced the plan this loan was a line of.</summary>
    public void Cancel(DateOnly on)
    {
        CheckRule(new ClosedLoanTakesNoRepaymentRule(Status));
        Status = LoanStatus.Cancelled;
        ClosedOn = on;
    }

    /// <summary>
    /// The same ageing the daily job does set-based, for one loan after a repayment, so that its
    /// page tells the truth at once: days past due of the oldest unpaid instalment, its bucket,
    /// and the arrears episode (which ends when nothing is overdue any more).
    /// </summary>
    private void AgeAsOf(DateOnly asOf)
    {
        var overdue = _instalments.Where(i => !i.IsPaid && i.DueOn < asOf).OrderBy(i => i.DueOn).ToList();
        DaysPastDue = overdue.Count == 0 || Status != LoanStatus.Active ? 0 : asOf.DayNumber - overdue[0].DueOn.DayNumber;
        ArrearsBucket = Loans.ArrearsBucket.For(DaysPastDue);
        AmountOverdue = Status == LoanStatus.Active ? Money.Sum(overdue.Select(i => i.Remaining)) : Money.Zero;
        InArrearsSince = DaysPastDue > 0 ? InArrearsSince ?? overdue[0].DueOn : null;
        AgedOn = AgedOn is { } aged && aged > asOf ? aged : asOf;
    }
}

/// <summary>One instalment of a loan's schedule and what has been paid of it.</summary>
public sealed class LoanInstalment : Entity<LoanInstalmentId>, IPartOfAggregate<Loan>
{
    private LoanInstalment()
    {
    }

    public int Number { get; private set; }

    public DateOnly DueOn { get; private set; }

    public Money Principal { get; private set; }

    public Money Interest { get; private set; }

    public Money Amount { get; private set; }

    public Money Paid { get; private set; }

    /// <summary>The day the instalment was paid off; null while something remains.</summary>
    public DateOnly? PaidOffOn { get; private set; }

    public Money Remaining => Amount - Paid;

    public bool IsPaid => Paid >= Amount;

    internal static LoanInstalment Create(ScheduledInstalment scheduled) => new()
    {
        Id = LoanInstalmentId.New(),
        Number = scheduled.Number,
        DueOn = scheduled.DueOn,
        Principal = scheduled.Principal,
        Interest = scheduled.Interest,
        Amount = scheduled.Amount,
        Paid = Money.Zero,
    };

    /// <summary>Pays what it can of <paramref name="available"/>; answers what it took and the principal part of it (interest is paid first).</summary>
    internal (Money Paid, Money Principal) Pay(Money available, DateOnly on)
    {
        var take = available < Remaining ? available : Remaining;
        var interestLeft = Interest > Paid ? Interest - Paid : Money.Zero;
        var principal = take > interestLeft ? take - interestLeft : Money.Zero;
        Paid += take;
        if (IsPaid)
        {
            PaidOffOn = on;
        }

        return (take, principal);
    }
}

/// <summary>A repayment received: the day, the amount, the receipt's reference and who recorded it.</summary>
public sealed class LoanRepayment : Entity<LoanRepaymentId>, IPartOfAggregate<Loan>
{
    private LoanRepayment()
    {
    }

    public DateOnly PaidOn { get; private set; }

    public Money Amount { get; private set; }

    public string? Reference { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedOn { get; private set; }

    internal static LoanRepayment Create(Money amount, DateOnly paidOn, string? reference, Guid? by, DateTimeOffset now) => new()
    {
        Id = LoanRepaymentId.New(),
        PaidOn = paidOn,
        Amount = amount,
        Reference = reference,
        RecordedBy = by,
        RecordedOn = now,
    };
}
