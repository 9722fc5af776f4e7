using System.Globalization;
using BuildingBlocks.Domain;

namespace Financing.Domain.Programmes.Rules;

/// <summary>A programme's period ends on or after the day it starts.</summary>
public sealed class PeriodMustBeOrderedRule(DateOnly startsOn, DateOnly endsOn) : IBusinessRule
{
    public string Code => "programme.period-must-be-ordered";

    public LocalizedText Message => new(
        "A programme ends on or after the day it starts.",
        "Un programme se termine le jour où il commence ou après.",
        "ينتهي البرنامج في يوم بدايته أو بعده.");

    public bool IsBroken() => endsOn < startsOn;
}

/// <summary>The youngest age a programme takes is not above the oldest.</summary>
public sealed class AgeRangeMustBeOrderedRule(int? minimum, int? maximum) : IBusinessRule
{
    public string Code => "programme.age-range-must-be-ordered";

    public LocalizedText Message => new(
        "The minimum age is above the maximum age.",
        "L'âge minimum dépasse l'âge maximum.",
        "السن الأدنى أكبر من السن الأقصى.");

    public bool IsBroken() => minimum is { } min && maximum is { } max && min > max;
}

/// <summary>A programme takes individuals, groups, or both — never neither.</summary>
public sealed class ProgrammeMustTakeSomeHolderRule(bool individuals, bool groups) : IBusinessRule
{
    public string Code => "programme.must-take-some-holder";

    public LocalizedText Message => new(
        "A programme takes individual projects, group projects, or both.",
        "Un programme accepte des projets individuels, collectifs, ou les deux.",
        "يقبل البرنامج مشاريع فردية أو جماعية أو هما معا.");

    public bool IsBroken() => !individuals && !groups;
}

/// <summary>No grant can be larger than the largest project a programme finances.</summary>
public sealed class MaximumGrantMustFitMaximumCostRule(Money? maximumGrant, Money? maximumCost) : IBusinessRule
{
    public string Code => "programme.maximum-grant-above-maximum-cost";

    public LocalizedText Message => new(
        "The maximum grant is larger than the maximum project cost.",
        "La subvention maximale dépasse le coût maximal d'un projet.",
        "الحد الأقصى للمنحة يتجاوز الكلفة القصوى للمشروع.");

    public bool IsBroken() => maximumGrant is { } grant && maximumCost is { } cost && grant > cost;
}

/// <summary>The tranche shares add up to the whole grant (e.g. 0.60 + 0.40).</summary>
public sealed class TrancheSharesMustMakeTheWholeRule(IReadOnlyList<decimal> shares) : IBusinessRule
{
    public string Code => "programme.tranche-shares-must-make-the-whole";

    public LocalizedText Message => new(
        "The tranche shares must add up to 100 % of the grant.",
        "Les parts des tranches doivent totaliser 100 % de la subvention.",
        "يجب أن يساوي مجموع حصص الأشطر 100 % من المنحة.");

    public bool IsBroken() => shares.Count == 0 || shares.Any(s => s <= 0m) || shares.Sum() != 1m;
}

/// <summary>Quarterly visits, when there are any, come after the monthly ones.</summary>
public sealed class FollowUpMustBeOrderedRule(int monthlyFor, int quarterlyUntil) : IBusinessRule
{
    public string Code => "programme.follow-up-must-be-ordered";

    public LocalizedText Message => new(
        "Quarterly follow-up visits must run until after the monthly ones end.",
        "Les visites trimestrielles doivent se poursuivre au-delà de la fin des visites mensuelles.",
        "يجب أن تمتد الزيارات الفصلية إلى ما بعد نهاية الزيارات الشهرية.");

    public bool IsBroken() => quarterlyUntil != 0 && quarterlyUntil <= monthlyFor;
}

/// <summary>A funder is named once, with its whole share.</summary>
public sealed class FundersMustBeDistinctRule(IReadOnlyList<Guid> partnerIds) : IBusinessRule
{
    public string Code => "programme.funder-named-twice";

    public LocalizedText Message => new(
        "A funder is named more than once.",
        "Un bailleur est cité plus d'une fois.",
        "تم ذكر ممول أكثر من مرة.");

    public bool IsBroken() => partnerIds.Distinct().Count() != partnerIds.Count;
}

/// <summary>A funder's envelope never falls below what it has already committed to approved plans.</summary>
public sealed class EnvelopeMustCoverCommitmentsRule(Money envelope, Money committed) : IBusinessRule
{
    public string Code => "programme.envelope-below-commitments";

    public LocalizedText Message => new(
        string.Create(CultureInfo.InvariantCulture, $"A funder's envelope cannot fall below what it has already committed ({committed.Amount:0.00} MAD)."),
        string.Create(CultureInfo.InvariantCulture, $"L'enveloppe d'un bailleur ne peut descendre sous ses engagements ({committed.Amount:0.00} MAD)."),
        string.Create(CultureInfo.InvariantCulture, $"لا يمكن أن يقل الغلاف المالي للممول عن التزاماته ({committed.Amount:0.00} درهم)."));

    public bool IsBroken() => envelope < committed;
}

/// <summary>A grant from a funder fits in what remains of that funder's envelope.</summary>
public sealed class GrantMustFitFunderEnvelopeRule(Guid partnerId, Money amount, Money remaining) : IBusinessRule
{
    public Guid PartnerId => partnerId;

    public string Code => "plan.grant-over-remaining-envelope";

    public LocalizedText Message => new(
        string.Create(CultureInfo.InvariantCulture, $"The grant of {amount.Amount:0.00} MAD is more than what remains of the funder's envelope ({remaining.Amount:0.00} MAD)."),
        string.Create(CultureInfo.InvariantCulture, $"La subvention de {amount.Amount:0.00} MAD dépasse le reste de l'enveloppe du bailleur ({remaining.Amount:0.00} MAD)."),
        string.Create(CultureInfo.InvariantCulture, $"المنحة ({amount.Amount:0.00} درهم) تتجاوز ما تبقى من الغلاف المالي للممول ({remaining.Amount:0.00} درهم)."));

    public bool IsBroken() => amount > remaining;
}

/// <summary>A closed programme is history: its rules and funders stay as they were.</summary>
public sealed class ClosedProgrammeDoesNotChangeRule(ProgrammeStatus status) : IBusinessRule
{
    public string Code => "programme.closed";

    public LocalizedText Message => new(
        "The programme is closed and no longer changes.",
        "Le programme est clôturé et ne change plus.",
        "البرنامج مغلق ولم يعد قابلا للتغيير.");

    public bool IsBroken() => status == ProgrammeStatus.Closed;
}

/// <summary>A programme opens from draft and closes from open, once each.</summary>
public sealed class ProgrammeStatusMustAllowRule(ProgrammeStatus status, ProgrammeStatus required, string action) : IBusinessRule
{
    public string Code => $"programme.cannot-{action}";

    public LocalizedText Message => action == "open"
        ? new("Only a draft programme can be opened.", "Seul un programme en préparation peut être ouvert.", "لا يمكن فتح إلا برنامج في طور الإعداد.")
        : new("Only an open programme can be closed.", "Seul un programme ouvert peut être clôturé.", "لا يمكن إغلاق إلا برنامج مفتوح.");

    public bool IsBroken() => status != required;
}

/// <summary>A programme opens with money to commit: at least one funder with a positive envelope.</summary>
public sealed class OpenProgrammeNeedsAnEnvelopeRule(Money envelope) : IBusinessRule
{
    public string Code => "programme.no-envelope";

    public LocalizedText Message => new(
        "A programme opens only with at least one funder and a positive envelope.",
        "Un programme ne s'ouvre qu'avec au moins un bailleur et une enveloppe positive.",
        "لا يفتح البرنامج إلا بممول واحد على الأقل وغلاف مالي موجب.");

    public bool IsBroken() => envelope <= Money.Zero;
}

/// <summary>Only an open programme takes approvals.</summary>
public sealed class ProgrammeMustBeOpenRule(ProgrammeStatus status) : IBusinessRule
{
    public string Code => "programme.not-open";

    public LocalizedText Message => new(
        "The programme is not open.",
        "Le programme n'est pas ouvert.",
        "البرنامج غير مفتوح.");

    public bool IsBroken() => status != ProgrammeStatus.Open;
}
