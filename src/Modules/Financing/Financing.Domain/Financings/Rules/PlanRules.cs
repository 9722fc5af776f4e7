using System.Globalization;
using BuildingBlocks.Domain;
using Financing.Domain.Programmes;

namespace Financing.Domain.Financings.Rules;

/// <summary>A plan balances: its lines add up to the project's total cost, to the centime.</summary>
public sealed class PlanMustBalanceRule(Money totalCost, Money linesTotal) : IBusinessRule
{
    public string Code => "plan.unbalanced";

    public LocalizedText Message => new(
        string.Create(CultureInfo.InvariantCulture, $"The plan's lines add up to {linesTotal.Amount:0.00} MAD, not the total cost of {totalCost.Amount:0.00} MAD."),
        string.Create(CultureInfo.InvariantCulture, $"Les lignes du plan totalisent {linesTotal.Amount:0.00} MAD et non le coût total de {totalCost.Amount:0.00} MAD."),
        string.Create(CultureInfo.InvariantCulture, $"مجموع بنود خطة التمويل {linesTotal.Amount:0.00} درهم وليس الكلفة الإجمالية {totalCost.Amount:0.00} درهم."));

    public bool IsBroken() => linesTotal != totalCost;
}

/// <summary>The holder brings at least the programme's share of the total cost (30 % by default).</summary>
public sealed class OwnContributionMustReachRateRule(Money totalCost, Money ownContribution, decimal rate) : IBusinessRule
{
    public string Code => "plan.own-contribution-under-rate";

    private Money Required => totalCost.PercentOf(rate);

    public LocalizedText Message => new(
        string.Create(CultureInfo.InvariantCulture, $"The holder's own contribution ({ownContribution.Amount:0.00} MAD) is under the programme's {rate:P0} of the total cost ({Required.Amount:0.00} MAD)."),
        string.Create(CultureInfo.InvariantCulture, $"L'apport du porteur ({ownContribution.Amount:0.00} MAD) est inférieur aux {rate:P0} du coût total exigés par le programme ({Required.Amount:0.00} MAD)."),
        string.Create(CultureInfo.InvariantCulture, $"مساهمة حامل المشروع ({ownContribution.Amount:0.00} درهم) أقل من النسبة المطلوبة {rate:P0} من الكلفة الإجمالية ({Required.Amount:0.00} درهم)."));

    public bool IsBroken() => ownContribution < Required;
}

/// <summary>The grants to one project stay under the programme's maximum grant.</summary>
public sealed class GrantMustNotExceedProgrammeMaximumRule(Money grant, Money? maximum) : IBusinessRule
{
    public string Code => "plan.grant-over-maximum";

    public LocalizedText Message => new(
        string.Create(CultureInfo.InvariantCulture, $"The grant of {grant.Amount:0.00} MAD is over the programme's maximum of {maximum?.Amount:0.00} MAD."),
        string.Create(CultureInfo.InvariantCulture, $"La subvention de {grant.Amount:0.00} MAD dépasse le maximum du programme ({maximum?.Amount:0.00} MAD)."),
        string.Create(CultureInfo.InvariantCulture, $"المنحة ({grant.Amount:0.00} درهم) تتجاوز الحد الأقصى للبرنامج ({maximum?.Amount:0.00} درهم)."));

    public bool IsBroken() => maximum is { } max && grant > max;
}

/// <summary>A project costs no more than the programme's maximum.</summary>
public sealed class CostMustNotExceedProgrammeMaximumRule(Money cost, Money? maximum) : IBusinessRule
{
    public string Code => "plan.cost-over-maximum";

    public LocalizedText Message => new(
        "The project's total cost is over the programme's maximum.",
        "Le coût total du projet dépasse le maximum du programme.",
        "الكلفة الإجمالية للمشروع تتجاوز الحد الأقصى للبرنامج.");

    public bool IsBroken() => maximum is { } max && cost > max;
}

/// <summary>Every line brings money.</summary>
public sealed class LineMustBePositiveRule(Money amount) : IBusinessRule
{
    public string Code => "plan.line-must-be-positive";

    public LocalizedText Message => new(
        "Every line of a plan brings an amount above zero.",
        "Chaque ligne du plan apporte un montant supérieur à zéro.",
        "يجب أن يكون مبلغ كل بند من بنود الخطة أكبر من الصفر.");

    public bool IsBroken() => amount <= Money.Zero;
}

/// <summary>A grant comes from one of the programme's funders, out of its envelope.</summary>
public sealed class GrantMustComeFromAFunderRule(Guid? partnerId, IReadOnlySet<Guid> funders) : IBusinessRule
{
    public string Code => "plan.grant-not-from-a-funder";

    public LocalizedText Message => new(
        "A grant line names a partner that does not fund this programme.",
        "Une ligne de subvention cite un partenaire qui ne finance pas ce programme.",
        "بند منحة يذكر شريكا لا يمول هذا البرنامج.");

    public bool IsBroken() => partnerId is not { } id || !funders.Contains(id);
}

/// <summary>A plan uses only the instruments its programme allows.</summary>
public sealed class InstrumentMustBeAllowedRule(FinancingInstrument instrument, IReadOnlyList<FinancingInstrument> allowed) : IBusinessRule
{
    public string Code => "plan.instrument-not-allowed";

    public LocalizedText Message => new(
        $"The programme does not finance with {instrument}.",
        $"Le programme ne finance pas par {instrument}.",
        $"البرنامج لا يمول بواسطة {instrument}.");

    public bool IsBroken() => !allowed.Contains(instrument);
}

/// <summary>A tranche is paid once.</summary>
public sealed class TrancheMustNotBeDisbursedTwiceRule(bool disbursed) : IBusinessRule
{
    public string Code => "tranche.already-disbursed";

    public LocalizedText Message => new(
        "This tranche has already been disbursed.",
        "Cette tranche a déjà été décaissée.",
        "تم صرف هذا الشطر من قبل.");

    public bool IsBroken() => disbursed;
}

/// <summary>Tranches are paid in their order.</summary>
public sealed class TranchesMustBePaidInOrderRule(bool earlierUnpaid) : IBusinessRule
{
    public string Code => "tranche.earlier-tranche-unpaid";

    public LocalizedText Message => new(
        "An earlier tranche has not been disbursed yet.",
        "Une tranche précédente n'a pas encore été décaissée.",
        "لم يتم بعد صرف شطر سابق.");

    public bool IsBroken() => earlierUnpaid;
}

/// <summary>A conditional tranche waits for a positive follow-up visit.</summary>
public sealed class ConditionalTrancheMustAwaitVisitRule(bool waiting) : IBusinessRule
{
    public string Code => "tranche.awaiting-positive-visit";

    public LocalizedText Message => new(
        "This tranche waits for a positive follow-up visit.",
        "Cette tranche attend une visite de suivi positive.",
        "هذا الشطر في انتظار زيارة تتبع إيجابية.");

    public bool IsBroken() => waiting;
}

/// <summary>
/// A revision cannot take back what was paid: the new grant covers the tranches already paid, and
/// a grant larger than what was paid needs a tranche still to pay it in.
/// </summary>
public sealed class RevisionMustKeepWhatWasPaidRule(Money grant, Money paid, bool hasTrancheToPay) : IBusinessRule
{
    public string Code => "plan.revision-under-disbursed";

    public LocalizedText Message => new(
        string.Create(CultureInfo.InvariantCulture, $"The revised grant of {grant.Amount:0.00} MAD must cover the {paid.Amount:0.00} MAD already paid, and can exceed it only while a tranche remains to pay."),
        string.Create(CultureInfo.InvariantCulture, $"La subvention révisée ({grant.Amount:0.00} MAD) doit couvrir les {paid.Amount:0.00} MAD déjà versés, et ne peut les dépasser que s'il reste une tranche à verser."),
        string.Create(CultureInfo.InvariantCulture, $"يجب أن تغطي المنحة المراجعة ({grant.Amount:0.00} درهم) المبلغ المصروف ({paid.Amount:0.00} درهم)، ولا تتجاوزه إلا إذا بقيت دفعة لم تصرف."));

    public bool IsBroken() => grant < paid || (grant > paid && !hasTrancheToPay);
}
