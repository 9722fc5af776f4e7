using BuildingBlocks.Domain;
using Mentoring.Domain.Mentors;
using Mentoring.Domain.Projects.Events;
using Mentoring.Domain.Projects.Rules;

namespace Mentoring.Domain.Projects;

/// <summary>
/// A project Financing approved, from the moment it waits for a mentor to the end of its follow-up
/// plan: who mentors it (and who did before, with why), and its visits. Province-scoped: an
/// Officer sees and assigns the projects of his provinces.
/// </summary>
public sealed class MentoredProject : AggregateRoot<ProjectId>, IProvinceScoped
{
    private readonly List<FollowUpVisit> _visits = [];
    private readonly List<MentorAssignment> _assignments = [];

    private MentoredProject()
    {
        CommuneCode = ProvinceCode = string.Empty;
    }

    public Guid ProgrammeId { get; private set; }

    public Sector Sector { get; private set; }

    public string CommuneCode { get; private set; }

    public string ProvinceCode { get; private set; }

    string? IProvinceScoped.ProvinceCode => ProvinceCode;

    public int MonthlyVisitsForMonths { get; private set; }

    public int QuarterlyVisitsUntilMonth { get; private set; }

    /// <summary>The programme coordinator to whom long-overdue visits are escalated; null when Financing named none.</summary>
    public string? CoordinatorEmail { get; private set; }

    public DateTimeOffset ApprovedOn { get; private set; }

    public ProjectStatus Status { get; private set; }

    public MentorId? MentorId { get; private set; }

    public DateTimeOffset? AssignedOn { get; private set; }

    public IReadOnlyCollection<FollowUpVisit> Visits => _visits;

    public IReadOnlyCollection<MentorAssignment> Assignments => _assignments;

    public static MentoredProject Open(
        ProjectId id, Guid programmeId, Sector sector, string communeCode, string provinceCode,
        int monthlyVisitsForMonths, int quarterlyVisitsUntilMonth, string? coordinatorEmail, DateTimeOffset approvedOn) =>
        new()
        {
            Id = id,
            ProgrammeId = programmeId,
            Sector = sector,
            CommuneCode = communeCode,
            ProvinceCode = provinceCode,
            MonthlyVisitsForMonths = monthlyVisitsForMonths,
            QuarterlyVisitsUntilMonth = quarterlyVisitsUntilMonth,
            CoordinatorEmail = string.IsNullOrWhiteSpace(coordinatorEmail) ? null : coordinatorEmail.Trim().ToLowerInvariant(),
            ApprovedOn = approvedOn,
            Status = ProjectStatus.AwaitingMentor,
        };

    /// <summary>The first mentor; the visit plan starts from this day (Moroccan calendar).</summary>
    public void Assign(MentorLoad mentor, bool overrideCapacity, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        CheckRule(new ProjectMustAwaitMentorRule(Status));
        CheckRule(new MentorMustBeActiveRule(mentor.Active));
        CheckRule(new MentorMustHaveRoomRule(mentor.ActiveProjects, mentor.Capacity, overrideCapacity));
        var start = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        foreach (var (number, month, dueOn) in FollowUpSchedule.Plan(start, MonthlyVisitsForMonths, QuarterlyVisitsUntilMonth))
        {
            _visits.Add(FollowUpVisit.Plan(Id, number, month, dueOn));
        }

        SetMentor(mentor, overrideCapacity, null, by, now);
        Status = ProjectStatus.InFollowUp;
    }

    /// <summary>Another mentor takes over the remaining visits.</summary>
    public void Reassign(MentorLoad mentor, string reason, bool overrideCapacity, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        CheckRule(new ProjectMustBeInFollowUpRule(Status));
        CheckRule(new ReassignmentMustChangeMentorRule(mentor.Id == MentorId));
        CheckRule(new MentorMustBeActiveRule(mentor.Active));
        CheckRule(new MentorMustHaveRoomRule(mentor.ActiveProjects, mentor.Capacity, overrideCapacity));
        SetMentor(mentor, overrideCapacity, reason, by, now);
    }

    public void RescheduleVisit(VisitId visitId, DateOnly dueOn, string reason, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        CheckRule(new RescheduledDateMustBeAheadRule(dueOn, today));
        VisitOf(visitId).Reschedule(dueOn, reason);
    }

    /// <summary>Records a visit's report. The plan is complete when no visit remains, or at once when the enterprise ceased.</summary>
    public void ReportVisit(VisitId visitId, VisitReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        CheckRule(new VisitDateMustBePlausibleRule(report.VisitedOn, today, DateOnly.FromDateTime(MoroccanTime.ToLocal(ApprovedOn).DateTime)));
        var visit = VisitOf(visitId);
        visit.Report(report, now);
        if (report.EnterpriseState == EnterpriseState.Ceased)
        {
            foreach (var remaining in _visits.Where(v => v.Status == VisitStatus.Planned))
            {
                remaining.Cancel();
            }
        }

        var completed = _visits.All(v => v.Status != VisitStatus.Planned);
        if (completed)
        {
            Status = ProjectStatus.Completed;
        }

        Raise(new VisitReportedDomainEvent(Id, visit.Id, MentorId!.Value, report, completed, now));
    }

    private FollowUpVisit VisitOf(VisitId visitId)
    {
        var visit = _visits.Find(v => v.Id == visitId) ?? throw new InvalidOperationException("The visit is not part of this project.");
        return visit;
    }

    private void SetMentor(MentorLoad mentor, bool overrideCapacity, string? reason, Guid? by, DateTimeOffset now)
    {
        MentorId = mentor.Id;
        AssignedOn = now;
        _assignments.Add(MentorAssignment.Record(Id, mentor.Id, reason, overrideCapacity && mentor.ActiveProjects >= mentor.Capacity, by, now));
        Raise(new MentorAssignedDomainEvent(Id, mentor.Id, now));
    }
}

/// <summary>A mentor as an assignment sees him: whether he takes projects and how many he follows.</summary>
public sealed record MentorLoad(MentorId Id, bool Active, int Capacity, int ActiveProjects);
