using Applicants.Domain.Applications;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Riok.Mapperly.Abstractions;

namespace Applicants.Application.Referrals;

/// <summary>
/// A candidate the calling partner referred, as its system sees it: the project it sent, where the
/// application stands, and how it got there. Nothing of the person beyond what the partner sent is
/// shown, nor who among the staff acted, nor their notes.
/// </summary>
public sealed record ReferralDto : IApiExample<ReferralDto>
{
    /// <summary>The application's id: the same in the status feed (GET /api/v1/partner/projects) and in the webhooks.</summary>
    public Guid Id { get; init; }

    /// <summary>The programme it applies to.</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>The project's title.</summary>
    public required string Title { get; init; }

    /// <summary>The project's sector of activity.</summary>
    public Sector Sector { get; init; }

    /// <summary>Where the project is (HCP commune code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The province or prefecture of that commune (HCP code).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>The project's estimated total cost, in MAD.</summary>
    public Money EstimatedTotalCost { get; init; }

    /// <summary>What the candidate asks the programme for, in MAD.</summary>
    public Money RequestedAmount { get; init; }

    /// <summary>What the candidate brings, in MAD.</summary>
    public Money OwnContribution { get; init; }

    /// <summary>Jobs the project expects to create, the candidate's included.</summary>
    public int ExpectedJobs { get; init; }

    /// <summary>Where the application stands: Submitted, then Eligible or Ineligible, Approved or Rejected by a committee, Financed, InFollowUp, Closed; or Withdrawn.</summary>
    public ApplicationStage Stage { get; init; }

    /// <summary>When it was referred, in Moroccan time.</summary>
    public DateTimeOffset SubmittedOn { get; init; }

    /// <summary>Every transition, oldest first.</summary>
    public required IReadOnlyList<ReferralStageDto> History { get; init; }

    public static ReferralDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac4e2-7a1b-7c2d-8e3f-4a5b6c7d8e9f"),
        ProgrammeId = ReferredProject.Example.ProgrammeId!.Value,
        Title = ReferredProject.Example.Title!,
        Sector = Sector.Crafts,
        CommuneCode = "12.391.01.01",
        ProvinceCode = "12.391",
        EstimatedTotalCost = Money.Mad(48_000.00m),
        RequestedAmount = Money.Mad(40_000.00m),
        OwnContribution = Money.Mad(8_000.00m),
        ExpectedJobs = 2,
        Stage = ApplicationStage.Eligible,
        SubmittedOn = new DateTimeOffset(2026, 11, 18, 9, 40, 0, TimeSpan.FromHours(1)),
        History =
        [
            ReferralStageDto.Example,
            ReferralStageDto.Example with { Sequence = 2, FromStage = nameof(ApplicationStage.Submitted), ToStage = ApplicationStage.Eligible, ChangedAt = new DateTimeOffset(2026, 11, 20, 11, 5, 0, TimeSpan.FromHours(1)) },
        ],
    };
}

/// <summary>One transition of a referred application, dated.</summary>
public sealed record ReferralStageDto : IApiExample<ReferralStageDto>
{
    /// <summary>Counts the application's transitions from 1: keep the highest you saw.</summary>
    public int Sequence { get; init; }

    /// <summary>The stage before the change, by name; null for the referral itself, the first change.</summary>
    public string? FromStage { get; init; }

    /// <summary>The stage after.</summary>
    public ApplicationStage ToStage { get; init; }

    /// <summary>A finer word on the change where one exists (Ceased, PlanCompleted, Override, Deferred); null otherwise.</summary>
    public string? Outcome { get; init; }

    /// <summary>When it changed, in Moroccan time.</summary>
    public DateTimeOffset ChangedAt { get; init; }

    public static ReferralStageDto Example { get; } = new()
    {
        Sequence = 1,
        FromStage = null,
        ToStage = ApplicationStage.Submitted,
        Outcome = null,
        ChangedAt = new DateTimeOffset(2026, 11, 18, 9, 40, 0, TimeSpan.FromHours(1)),
    };
}

/// <summary>ProjectApplication → <see cref="ReferralDto"/>, projected in SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ReferralMapper
{
    public static partial IQueryable<ReferralDto> ProjectToReferral(this IQueryable<ProjectApplication> applications);

    private static Guid ToGuid(ProjectApplicationId id) => id.Value;

    /// <summary>SQL gives a collection no order: the history is put oldest first once read.</summary>
    public static ReferralDto OldestFirst(this ReferralDto referral) =>
        referral with { History = [.. referral.History.OrderBy(c => c.Sequence)] };
}
