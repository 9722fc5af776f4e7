using Mentoring.Domain.Projects;

namespace Mentoring.Application.Visits;

/// <summary>
/// Visits → <see cref="VisitDto"/>, written as a Select: the report's enums travel as names and its
/// revenue as a plain number, which the generated projection cannot express over EF's converted columns.
/// </summary>
internal static class VisitMapper
{
    public static IQueryable<VisitDto> ProjectToDto(this IQueryable<FollowUpVisit> visits) => visits.Select(v => new VisitDto
    {
        Id = v.Id.Value,
        ProjectId = v.ProjectId.Value,
        Number = v.Number,
        Month = v.Month,
        DueOn = v.DueOn,
        Status = v.Status,
        RescheduleReason = v.RescheduleReason,
        VisitedOn = v.VisitedOn,
        Mode = v.Mode == null ? null : v.Mode == VisitMode.OnSite ? nameof(VisitMode.OnSite) : nameof(VisitMode.ByPhone),
        EnterpriseState = v.EnterpriseState == null ? null
            : v.EnterpriseState == EnterpriseState.NotStarted ? nameof(EnterpriseState.NotStarted)
            : v.EnterpriseState == EnterpriseState.Active ? nameof(EnterpriseState.Active)
            : v.EnterpriseState == EnterpriseState.Struggling ? nameof(EnterpriseState.Struggling)
            : nameof(EnterpriseState.Ceased),
        MonthlyRevenue = v.MonthlyRevenue == null ? null : v.MonthlyRevenue.Value.Amount,
        JobsHeldByWomen = v.JobsHeldByWomen,
        JobsHeldByMen = v.JobsHeldByMen,
        Problems = v.Problems,
        Recommendations = v.Recommendations,
        Positive = v.Positive,
        ReportedOn = v.ReportedOn,
    });
}
