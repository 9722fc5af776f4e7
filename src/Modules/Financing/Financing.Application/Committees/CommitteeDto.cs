using BuildingBlocks.Contracts;
using Financing.Domain.Committees;

namespace Financing.Application.Committees;

/// <summary>A selection committee session with its decisions.</summary>
public sealed record CommitteeDto : IApiExample<CommitteeDto>
{
    /// <summary>The session's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The programme whose applications it decides on.</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>The day it sat.</summary>
    public DateOnly HeldOn { get; init; }

    /// <summary>Who sat, as the minutes name them.</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>The applications on its agenda.</summary>
    public required IReadOnlyList<Guid> Agenda { get; init; }

    /// <summary>Its minutes; null when not yet written.</summary>
    public string? Minutes { get; init; }

    /// <summary>When the session was recorded, in Moroccan time with its offset.</summary>
    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>Its decisions, in the order they were recorded.</summary>
    public required IReadOnlyList<CommitteeDecisionDto> Decisions { get; init; }

    /// <summary>The version (optimistic concurrency): it changes with every decision.</summary>
    public uint Version { get; init; }

    public static CommitteeDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac4b1-7d8e-7f90-a1b2-c3d4e5f6a7b8"),
        ProgrammeId = Guid.Parse("019ac3b2-1d4e-7f60-9a8b-2c3d4e5f6a7b"),
        HeldOn = new DateOnly(2026, 3, 12),
        Members = ["Gouverneur de la province de Taounate (président)", "Délégué de l'INDH", "Représentant du conseil provincial"],
        Agenda = [Guid.Parse("019ac4c3-1a2b-7c3d-9e4f-5a6b7c8d9e0f")],
        Minutes = "Séance ouverte à 10 h ; quorum atteint ; un projet approuvé.",
        CreatedOn = new DateTimeOffset(2026, 3, 12, 9, 45, 0, TimeSpan.FromHours(1)),
        Decisions =
        [
            new()
            {
                ApplicationId = Guid.Parse("019ac4c3-1a2b-7c3d-9e4f-5a6b7c8d9e0f"),
                Outcome = DecisionOutcome.Approved,
                FinancingId = Guid.Parse("019ac4c3-2e5f-7a71-8b9c-3d4e5f6a7b8c"),
                DecidedOn = new DateTimeOffset(2026, 3, 12, 11, 20, 0, TimeSpan.FromHours(1)),
                DecidedBy = Guid.Parse("019ac0aa-1b2c-7d3e-8f4a-5b6c7d8e9f0a"),
            },
        ],
        Version = 2,
    };
}

/// <summary>A decision on one application.</summary>
public sealed record CommitteeDecisionDto
{
    /// <summary>The application decided on.</summary>
    public Guid ApplicationId { get; init; }

    /// <summary>Approved, Rejected or Deferred.</summary>
    public DecisionOutcome Outcome { get; init; }

    /// <summary>Why it was rejected or deferred; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>The financing an approval created; null otherwise.</summary>
    public Guid? FinancingId { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset DecidedOn { get; init; }

    /// <summary>The staff member who recorded it; null when the system did.</summary>
    public Guid? DecidedBy { get; init; }
}
