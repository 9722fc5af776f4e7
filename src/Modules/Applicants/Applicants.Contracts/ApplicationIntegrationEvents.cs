using BuildingBlocks.Contracts;

namespace Applicants.Contracts;

/// <summary>
/// An application moved from one stage to another (<c>Submitted</c>, <c>Eligible</c>,
/// <c>Ineligible</c>, <c>Approved</c>, <c>Rejected</c>, <c>Financed</c>, <c>InFollowUp</c>,
/// <c>Closed</c>, <c>Withdrawn</c>). The first event of an application has <c>FromStage</c> null and
/// <c>ToStage</c> <c>Submitted</c>. <c>Sequence</c> counts the application's transitions from 1, so
/// a subscriber (a partner's webhook) keeps them in order per project. Carries no personal data.
/// </summary>
[IntegrationEventName("applicants.application-stage-changed", 1)]
public sealed record ApplicationStageChangedIntegrationEvent(
    Guid ApplicationId,
    Guid ProgrammeId,
    Guid? ReferringPartnerId,
    string? FromStage,
    string ToStage,
    string? Outcome,
    int Sequence,
    DateTimeOffset ChangedAt,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);
