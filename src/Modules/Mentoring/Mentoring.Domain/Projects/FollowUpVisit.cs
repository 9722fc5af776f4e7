using BuildingBlocks.Domain;

namespace Mentoring.Domain.Projects;

/// <summary>One visit of a project's follow-up plan, planned for a day and, once it took place, reported.</summary>
public sealed class FollowUpVisit : Entity<VisitId>, IPartOfAggregate<MentoredProject>
{
    private FollowUpVisit()
    {
    }

    public ProjectId ProjectId { get; private set; }

    /// <summary>1 for the first visit of the plan.</summary>
    public int Number { get; private set; }

    /// <summary>The month of the plan it belongs to (1, 2, … 24).</summary>
    public int Month { get; private set; }

    public DateOnly DueOn { get; private set; }

    public VisitStatus Status { get; private set; }

    public string? RescheduleReason { get; private set; }

    public DateOnly? VisitedOn { get; private set; }

    public VisitMode? Mode { get; private set; }

    public EnterpriseState? EnterpriseState { get; private set; }

    public Money? MonthlyRevenue { get; private set; }

    public int? JobsHeldByWomen { get; private set; }

    public int? JobsHeldByMen { get; private set; }

    public string? Problems { get; private set; }

    public string? Recommendations { get; private set; }

    public bool? Positive { get; private set; }

    public DateTimeOffset? ReportedOn { get; private set; }

    internal static FollowUpVisit Plan(ProjectId project, int number, int month, DateOnly dueOn) =>
        new() { Id = VisitId.New(), ProjectId = project, Number = number, Month = month, DueOn = dueOn, Status = VisitStatus.Planned };

    internal void Reschedule(DateOnly dueOn, string reason)
    {
        CheckRule(new Rules.VisitMustBePlannedRule(Status));
        DueOn = dueOn;
        RescheduleReason = reason.Trim();
    }

    internal void Report(VisitReport report, DateTimeOffset now)
    {
        CheckRule(new Rules.VisitMustBePlannedRule(Status));
        Status = VisitStatus.Reported;
        VisitedOn = report.VisitedOn;
        Mode = report.Mode;
        EnterpriseState = report.EnterpriseState;
        MonthlyRevenue = report.MonthlyRevenue;
        JobsHeldByWomen = report.JobsHeldByWomen;
        JobsHeldByMen = report.JobsHeldByMen;
        Problems = Clean(report.Problems);
        Recommendations = Clean(report.Recommendations);
        Positive = report.Positive;
        ReportedOn = now;
    }

    internal void Cancel() => Status = VisitStatus.Cancelled;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a mentor found at a visit.</summary>
public sealed record VisitReport(
    DateOnly VisitedOn,
    VisitMode Mode,
    EnterpriseState EnterpriseState,
    Money? MonthlyRevenue,
    int JobsHeldByWomen,
    int JobsHeldByMen,
    string? Problems,
    string? Recommendations,
    bool Positive);
