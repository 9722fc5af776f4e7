using BuildingBlocks.Contracts;
using Mentoring.Domain.Projects;

namespace Mentoring.Application.Visits;

/// <summary>A follow-up visit: planned, then reported (or cancelled when the enterprise ceased).</summary>
public sealed record VisitDto : IApiExample<VisitDto>
{
    /// <summary>The visit's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The project it belongs to.</summary>
    public Guid ProjectId { get; init; }

    /// <summary>1 for the plan's first visit.</summary>
    public int Number { get; init; }

    /// <summary>The month of the plan it belongs to.</summary>
    public int Month { get; init; }

    /// <summary>The day it is due (Moroccan calendar).</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>Planned, Reported or Cancelled.</summary>
    public VisitStatus Status { get; init; }

    /// <summary>Why it was last moved; null when it never was.</summary>
    public string? RescheduleReason { get; init; }

    /// <summary>The day it took place; null until reported.</summary>
    public DateOnly? VisitedOn { get; init; }

    /// <summary>OnSite or ByPhone; null until reported.</summary>
    public string? Mode { get; init; }

    /// <summary>The enterprise's state at the visit (NotStarted, Active, Struggling or Ceased); null until reported.</summary>
    public string? EnterpriseState { get; init; }

    /// <summary>The enterprise's monthly revenue in MAD, a number with two decimals; null when unknown or not reported.</summary>
    public decimal? MonthlyRevenue { get; init; }

    /// <summary>Jobs held by women at the visit.</summary>
    public int? JobsHeldByWomen { get; init; }

    /// <summary>Jobs held by men at the visit.</summary>
    public int? JobsHeldByMen { get; init; }

    /// <summary>Problems the enterprise met.</summary>
    public string? Problems { get; init; }

    /// <summary>What the mentor recommended.</summary>
    public string? Recommendations { get; init; }

    /// <summary>The overall assessment: positive or not.</summary>
    public bool? Positive { get; init; }

    /// <summary>When the report was recorded.</summary>
    public DateTimeOffset? ReportedOn { get; init; }

    public static VisitDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac3c2-3b4c-7d5e-8f60-718293a4b5c6"),
        ProjectId = Guid.Parse("019ac3b1-2a3b-7c4d-9e5f-60718293a4b5"),
        Number = 1,
        Month = 1,
        DueOn = new DateOnly(2026, 12, 26),
        Status = VisitStatus.Reported,
        VisitedOn = new DateOnly(2026, 12, 24),
        Mode = nameof(VisitMode.OnSite),
        EnterpriseState = nameof(Domain.Projects.EnterpriseState.Active),
        MonthlyRevenue = 4500.00m,
        JobsHeldByWomen = 2,
        JobsHeldByMen = 1,
        Problems = "Retard de livraison du métier à tisser.",
        Recommendations = "Tenir un cahier de caisse quotidien.",
        Positive = true,
        ReportedOn = new DateTimeOffset(2026, 12, 24, 17, 5, 0, TimeSpan.FromHours(1)),
    };
}
