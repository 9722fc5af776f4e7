using BuildingBlocks.Contracts;

namespace Mentoring.Contracts;

/// <summary>A mentor was assigned to a financed project (the application's id); Applicants moves it to <c>InFollowUp</c>.</summary>
[IntegrationEventName("mentoring.mentor-assigned", 1)]
public sealed record MentorAssignedIntegrationEvent(
    Guid ApplicationId,
    Guid MentorId,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>
/// A mentor reported a follow-up visit. <c>EnterpriseState</c> is <c>NotStarted</c>, <c>Active</c>,
/// <c>Struggling</c> or <c>Ceased</c>; <c>Positive</c> is the overall assessment that releases a
/// conditional tranche in Financing; <c>PlanCompleted</c> is true on the plan's last visit. Applicants
/// closes the application when the enterprise ceased or the plan ended; Reporting counts jobs and
/// survival.
/// </summary>
[IntegrationEventName("mentoring.visit-reported", 1)]
public sealed record VisitReportedIntegrationEvent(
    Guid VisitId,
    Guid ApplicationId,
    Guid MentorId,
    DateOnly VisitedOn,
    string Mode,
    string EnterpriseState,
    decimal? MonthlyRevenue,
    int JobsHeldByWomen,
    int JobsHeldByMen,
    bool Positive,
    bool PlanCompleted,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);
