using BuildingBlocks.Domain;

namespace Partnerships.Domain.Conventions.Rules;

/// <summary>The status machine: draft → signed → active → expired or terminated, and nothing else.</summary>
public sealed class ConventionTransitionMustBeAllowedRule(ConventionStatus from, string action, params ConventionStatus[] allowed) : IBusinessRule
{
    public string Code => "convention.transition-not-allowed";

    public LocalizedText Message => new(
        $"A convention that is {from} cannot be {action}.",
        $"Une convention à l'état {from} ne peut pas être {action}.",
        $"لا يمكن إجراء هذه العملية ({action}) على اتفاقية في حالة {from}.");

    public bool IsBroken() => !allowed.Contains(from);
}

/// <summary>A convention binds the agency and at least one partner, each partner once.</summary>
public sealed class ConventionMustHavePartnersRule(IReadOnlyCollection<PartyDetails> parties) : IBusinessRule
{
    public string Code => "convention.parties-required";

    public LocalizedText Message => new(
        "A convention needs at least one partner besides the agency, each named once.",
        "Une convention a besoin d'au moins un partenaire en plus de l'agence, chacun nommé une seule fois.",
        "تحتاج الاتفاقية إلى شريك واحد على الأقل إضافة إلى الوكالة، يذكر كل منهم مرة واحدة.");

    public bool IsBroken() => parties.Count == 0 || parties.Select(p => p.PartnerId).Distinct().Count() != parties.Count;
}

/// <summary>Only the agency and the convention's partners can commit or owe anything under it.</summary>
public sealed class CommitmentsMustBelongToPartiesRule(IEnumerable<Guid?> committed, IReadOnlyCollection<Guid> partners) : IBusinessRule
{
    public string Code => "convention.commitment-of-non-party";

    public LocalizedText Message => new(
        "A commitment or a deliverable belongs to the agency or to one of the convention's partners.",
        "Un engagement ou un livrable appartient à l'agence ou à l'un des partenaires de la convention.",
        "الالتزام أو المخرج يعود إلى الوكالة أو إلى أحد شركاء الاتفاقية.");

    public bool IsBroken() => committed.Any(p => p is { } partner && !partners.Contains(partner));
}

/// <summary>A schedule, when given, pays exactly the amount committed.</summary>
public sealed class ScheduleMustPayTheAmountRule(FinancialCommitment commitment) : IBusinessRule
{
    public string Code => "convention.schedule-does-not-add-up";

    public LocalizedText Message => new(
        "The instalments of a financial commitment must add up to the amount committed.",
        "Les échéances d'un engagement financier doivent totaliser le montant engagé.",
        "يجب أن يساوي مجموع الأقساط المبلغ الملتزم به.");

    public bool IsBroken() => commitment.Schedule.Count > 0 && Money.Sum(commitment.Schedule.Select(i => i.Amount)) != commitment.Amount;
}

/// <summary>A convention comes into force on or after the day it is signed.</summary>
public sealed class EffectiveDateMustFollowSigningRule(DateOnly signedOn, DateOnly effectiveOn) : IBusinessRule
{
    public string Code => "convention.effective-before-signing";

    public LocalizedText Message => new(
        "A convention cannot come into force before it is signed.",
        "Une convention ne peut pas entrer en vigueur avant sa signature.",
        "لا يمكن أن تدخل الاتفاقية حيز التنفيذ قبل توقيعها.");

    public bool IsBroken() => effectiveOn < signedOn;
}
