using BuildingBlocks.Domain;
using Mentoring.Domain.Mentors;

namespace Mentoring.Domain.Projects;

/// <summary>Who was given the project, when, by whom and (on a reassignment) why.</summary>
public sealed class MentorAssignment : Entity<AssignmentId>, IPartOfAggregate<MentoredProject>
{
    private MentorAssignment()
    {
    }

    public ProjectId ProjectId { get; private set; }

    public MentorId MentorId { get; private set; }

    public DateTimeOffset AssignedOn { get; private set; }

    /// <summary>Why the previous mentor was replaced; null for the first assignment.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether the mentor was at capacity and the coordinator overrode it.</summary>
    public bool CapacityOverridden { get; private set; }

    /// <summary>The staff account that assigned; null when the system did.</summary>
    public Guid? AssignedBy { get; private set; }

    internal static MentorAssignment Record(ProjectId project, MentorId mentor, string? reason, bool overridden, Guid? by, DateTimeOffset now) =>
        new()
        {
            Id = AssignmentId.New(),
            ProjectId = project,
            MentorId = mentor,
            AssignedOn = now,
            Reason = reason?.Trim(),
            CapacityOverridden = overridden,
            AssignedBy = by,
        };
}
