using BuildingBlocks.Domain;

namespace Partnerships.Domain.Projects;

public readonly record struct FollowedProjectId(Guid Value) : IStronglyTypedId;

/// <summary>One stage change of a project, as Applicants announced it.</summary>
/// <param name="Sequence">The change's rank in the project's history, from 1.</param>
/// <param name="FromStage">The stage before; null for the first.</param>
/// <param name="ToStage">The stage after.</param>
/// <param name="Outcome">What the change decided, when it decided something (approved, rejected…).</param>
/// <param name="ChangedAt">When the stage changed, in Moroccan time with its offset.</param>
public sealed record StageChange(int Sequence, string? FromStage, string ToStage, string? Outcome, DateTimeOffset ChangedAt);

/// <summary>
/// This module's own record of a project's stages, for the partners that follow it: the partner
/// that referred it, and the partners that sponsor its programme through a convention. Built from
/// Applicants' stage-change events, in any order and any number of times (the inbox delivers at
/// least once, in no guaranteed order): a change is placed by its sequence and kept once.
/// </summary>
public sealed class FollowedProject : AggregateRoot<FollowedProjectId>
{
    private FollowedProject()
    {
        Stage = string.Empty;
    }

    /// <summary>The Financing programme the application is for.</summary>
    public Guid ProgrammeId { get; private set; }

    /// <summary>The latest stage (the change with the highest sequence).</summary>
    public string Stage { get; private set; }

    public string? Outcome { get; private set; }

    public int LastSequence { get; private set; }

    public DateTimeOffset StageChangedAt { get; private set; }

    /// <summary>The partners that may read this project: its referrer and its programme's sponsors.</summary>
    public Guid[] PartnerIds { get; private set; } = [];

    public IReadOnlyList<StageChange> History { get; private set; } = [];

    /// <summary>When this record last changed here: what <c>changedSince</c> compares with.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    public static FollowedProject Start(Guid applicationId, Guid programmeId) =>
        new() { Id = new FollowedProjectId(applicationId), ProgrammeId = programmeId };

    /// <summary>Adds a change unless it is already known; answers whether anything changed.</summary>
    public bool Record(StageChange change, IEnumerable<Guid> followers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var known = History.Any(h => h.Sequence == change.Sequence);
        var newFollowers = followers.Except(PartnerIds).ToList();
        if (known && newFollowers.Count == 0)
        {
            return false;
        }

        if (!known)
        {
            History = [.. History.Append(change).OrderBy(h => h.Sequence)];
            var latest = History[^1];
            Stage = latest.ToStage;
            Outcome = latest.Outcome;
            LastSequence = latest.Sequence;
            // PostgreSQL keeps instants in UTC; the API writes them back in Moroccan time.
            StageChangedAt = latest.ChangedAt.ToUniversalTime();
        }

        PartnerIds = [.. PartnerIds.Concat(newFollowers)];
        RecordedAt = now;
        return true;
    }
}
