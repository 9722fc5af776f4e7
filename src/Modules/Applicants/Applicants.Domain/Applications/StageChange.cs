using BuildingBlocks.Domain;

namespace Applicants.Domain.Applications;

/// <summary>One transition of an application, dated and attributed: the history tells its life.</summary>
public sealed class StageChange : Entity<StageChangeId>, IPartOfAggregate<ProjectApplication>
{
    private StageChange()
    {
    }

    /// <summary>Counts the application's transitions from 1.</summary>
    public int Sequence { get; private set; }

    public ApplicationStage? FromStage { get; private set; }

    public ApplicationStage ToStage { get; private set; }

    /// <summary>A finer word on the change where one exists (a closing's Ceased or PlanCompleted, an override).</summary>
    public string? Outcome { get; private set; }

    /// <summary>Why: a withdrawal's reason, an override's justification, a decision's motive.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    internal static StageChange Of(int sequence, ApplicationStage? from, ApplicationStage to, string? outcome, string? note, Actor by, DateTimeOffset at) =>
        new()
        {
            Id = StageChangeId.New(),
            Sequence = sequence,
            FromStage = from,
            ToStage = to,
            Outcome = outcome,
            Note = note,
            ChangedAt = at,
            ActorKind = by.Kind,
            ActorId = by.Id,
        };
}
