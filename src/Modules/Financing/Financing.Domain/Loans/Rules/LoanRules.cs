using BuildingBlocks.Domain;

namespace Financing.Domain.Loans.Rules;

/// <summary>A loan lends something.</summary>
public sealed class PrincipalMustBePositiveRule(Money principal) : IBusinessRule
{
    public string Code => "loan.principal-must-be-positive";

    public LocalizedText Message => new(
        "A loan's principal must be more than zero.",
        "Le principal d'un prêt doit être supérieur à zéro.",
        "يجب أن يكون أصل القرض أكبر من الصفر.");

    public bool IsBroken() => principal <= Money.Zero;
}

/// <summary>A loan runs one month at least and thirty years at most.</summary>
public sealed class TermMustBeInRangeRule(int termMonths) : IBusinessRule
{
    public string Code => "loan.term-out-of-range";

    public LocalizedText Message => new(
        $"A loan's term is between 1 and {RepaymentSchedule.MaximumTermMonths} months.",
        $"La durée d'un prêt est comprise entre 1 et {RepaymentSchedule.MaximumTermMonths} mois.",
        $"مدة القرض بين شهر واحد و{RepaymentSchedule.MaximumTermMonths} شهرا.");

    public bool IsBroken() => termMonths is < 1 or > RepaymentSchedule.MaximumTermMonths;
}

/// <summary>Grace months leave at least one month to repay in.</summary>
public sealed class GraceMustLeaveRepaymentsRule(int termMonths, int graceMonths) : IBusinessRule
{
    public string Code => "loan.grace-must-leave-repayments";

    public LocalizedText Message => new(
        "The grace months must be fewer than the loan's term.",
        "Les mois de différé doivent être moins nombreux que la durée du prêt.",
        "يجب أن تكون أشهر الإمهال أقل من مدة القرض.");

    public bool IsBroken() => graceMonths < 0 || graceMonths >= termMonths;
}

/// <summary>An annual rate is between 0 (an honour loan) and 100 %.</summary>
public sealed class RateMustBeInRangeRule(decimal annualRate) : IBusinessRule
{
    public string Code => "loan.rate-out-of-range";

    public LocalizedText Message => new(
        "A loan's annual rate is between 0 and 1 (0 % to 100 %).",
        "Le taux annuel d'un prêt est compris entre 0 et 1 (0 % à 100 %).",
        "يتراوح السعر السنوي للقرض بين 0 و1 (من 0 % إلى 100 %).");

    public bool IsBroken() => annualRate is < 0m or > 1m;
}

/// <summary>A loan repaid, or cancelled by a revision of its plan, takes no repayment.</summary>
public sealed class ClosedLoanTakesNoRepaymentRule(LoanStatus status) : IBusinessRule
{
    public string Code => "loan.closed";

    public LocalizedText Message => new(
        "This loan is closed (repaid or cancelled): it takes no repayment.",
        "Ce prêt est clos (remboursé ou annulé) : il ne reçoit plus de remboursement.",
        "هذا القرض مغلق (مسدد أو ملغى): لا يقبل أي تسديد.");

    public bool IsBroken() => status != LoanStatus.Active;
}

/// <summary>A repayment brings money.</summary>
public sealed class RepaymentMustBePositiveRule(Money amount) : IBusinessRule
{
    public string Code => "loan.repayment-must-be-positive";

    public LocalizedText Message => new(
        "A repayment must be more than zero.",
        "Un remboursement doit être supérieur à zéro.",
        "يجب أن يكون التسديد أكبر من الصفر.");

    public bool IsBroken() => amount <= Money.Zero;
}

/// <summary>
/// Nobody repays more than is owed: an overpayment is refused rather than kept, so that the
/// officer returns the difference to the holder and records what the loan really took.
/// </summary>
public sealed class RepaymentMustNotExceedOutstandingRule(Money amount, Money outstanding) : IBusinessRule
{
    private readonly string _owed = outstanding.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public string Code => "loan.repayment-over-outstanding";

    public LocalizedText Message => new(
        $"The repayment is more than the {_owed} MAD still owed.",
        $"Le remboursement dépasse les {_owed} MAD encore dus.",
        $"التسديد يتجاوز المبلغ المتبقي ({_owed} درهم).");

    public bool IsBroken() => amount > outstanding;
}

/// <summary>A revision of the plan does not drop a loan the holder has started to repay: his repayments would lose their loan.</summary>
public sealed class RevisionMustKeepARepaidLoanRule(Money repaid) : IBusinessRule
{
    public string Code => "plan.revision-drops-a-repaid-loan";

    public LocalizedText Message => new(
        "The revised plan drops a loan that is being repaid; keep it unchanged in the new plan.",
        "Le plan révisé supprime un prêt en cours de remboursement ; gardez-le inchangé dans le nouveau plan.",
        "المخطط المراجع يحذف قرضا في طور التسديد؛ أبقه دون تغيير في المخطط الجديد.");

    public bool IsBroken() => repaid > Money.Zero;
}
