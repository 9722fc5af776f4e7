using BuildingBlocks.Domain;

namespace Applicants.Domain.Applications;

/// <summary>An application moved to another stage (the first change has no <c>FromStage</c>).</summary>
public sealed record ApplicationStageChangedDomainEvent(
    ProjectApplicationId ApplicationId,
    Guid ProgrammeId,
    Guid? ReferringPartnerId,
    ApplicationStage? FromStage,
    ApplicationStage ToStage,
    string? Outcome,
    int Sequence,
    DateTimeOffset OccurredOn) : IDomainEvent;
