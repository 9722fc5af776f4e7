using BuildingBlocks.Domain;
using Mentoring.Domain.Mentors;

namespace Mentoring.Domain.Projects.Events;

public sealed record MentorAssignedDomainEvent(ProjectId ProjectId, MentorId MentorId, DateTimeOffset OccurredOn) : IDomainEvent;

public sealed record VisitReportedDomainEvent(
    ProjectId ProjectId,
    VisitId VisitId,
    MentorId MentorId,
    VisitReport Report,
    bool PlanCompleted,
    DateTimeOffset OccurredOn) : IDomainEvent;
