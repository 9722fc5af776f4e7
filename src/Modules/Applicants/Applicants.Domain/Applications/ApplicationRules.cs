using BuildingBlocks.Domain;

namespace Applicants.Domain.Applications;

/// <summary>An application moves only along its lifecycle (Submitted → Eligible/Ineligible → Approved/Rejected → Financed → InFollowUp → Closed).</summary>
public sealed class TransitionMustBeAllowedRule(ApplicationStage from, ApplicationStage to) : IBusinessRule
{
    public string Code => "application.illegal-transition";

    public LocalizedText Message => new(
        $"An application cannot go from {from} to {to}.",
        $"Une demande ne peut pas passer de {from} à {to}.",
        $"لا يمكن للطلب أن ينتقل من {from} إلى {to}.");

    public bool IsBroken() => !ProjectApplication.Allows(from, to);
}

/// <summary>What is asked cannot exceed what the project costs, nor can what the holder brings.</summary>
public sealed class AmountsMustFitTheCostRule(Money total, Money requested, Money own) : IBusinessRule
{
    public string Code => "application.amounts-exceed-cost";

    public LocalizedText Message => new(
        "The requested amount and the own contribution together cannot exceed the estimated total cost.",
        "Le montant demandé et l'apport personnel ensemble ne peuvent pas dépasser le coût total estimé.",
        "لا يمكن أن يتجاوز المبلغ المطلوب والمساهمة الذاتية معا التكلفة الإجمالية المقدرة.");

    public bool IsBroken() => requested + own > total;
}

/// <summary>A programme takes applications only while it is open.</summary>
public sealed class ProgrammeMustBeOpenRule(string programmeStatus) : IBusinessRule
{
    public string Code => "application.programme-not-open";

    public LocalizedText Message => new(
        "The programme does not take applications: it is not open.",
        "Le programme ne reçoit pas de demandes : il n'est pas ouvert.",
        "البرنامج لا يستقبل الطلبات: إنه غير مفتوح.");

    public bool IsBroken() => programmeStatus != "Open";
}
