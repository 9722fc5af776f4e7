using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Financing.Domain.Programmes;

namespace Financing.Application.Programmes;

/// <summary>A programme as the API shows it. <c>version</c> is sent back on update (optimistic concurrency).</summary>
public sealed record ProgrammeDto : IApiExample<ProgrammeDto>
{
    /// <summary>The programme's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The programme's code, upper-case.</summary>
    public required string Code { get; init; }

    /// <summary>The name in French.</summary>
    public required string NameFr { get; init; }

    /// <summary>The name in Arabic.</summary>
    public required string NameAr { get; init; }

    /// <summary>What the programme is for; null when none was given.</summary>
    public string? Description { get; init; }

    /// <summary>The first day the programme takes applications.</summary>
    public DateOnly StartsOn { get; init; }

    /// <summary>The last day the programme takes applications.</summary>
    public DateOnly EndsOn { get; init; }

    /// <summary>The provinces and prefectures covered (HCP codes); empty for the whole country.</summary>
    public required IReadOnlyList<string> ProvinceCodes { get; init; }

    /// <summary>The vulnerable groups targeted; empty for anyone.</summary>
    public required IReadOnlyList<TargetCategory> TargetCategories { get; init; }

    /// <summary>Whether a person may apply alone.</summary>
    public bool AllowsIndividuals { get; init; }

    /// <summary>Whether a cooperative or an association may apply.</summary>
    public bool AllowsGroups { get; init; }

    /// <summary>The youngest age of a holder, in years; null for none.</summary>
    public int? MinimumAge { get; init; }

    /// <summary>The oldest age of a holder, in years; null for none.</summary>
    public int? MaximumAge { get; init; }

    /// <summary>The highest total cost of a project, in MAD; null for none.</summary>
    public decimal? MaximumProjectCost { get; init; }

    /// <summary>The highest grant per project, in MAD; null for none.</summary>
    public decimal? MaximumGrant { get; init; }

    /// <summary>The share of the total cost the holder brings, 0–1.</summary>
    public decimal OwnContributionRate { get; init; }

    /// <summary>The instruments the programme finances with.</summary>
    public required IReadOnlyList<FinancingInstrument> Instruments { get; init; }

    /// <summary>The tranche policy, in order.</summary>
    public required IReadOnlyList<ProgrammeTrancheDto> Tranches { get; init; }

    /// <summary>Monthly follow-up visits for this many months from the start.</summary>
    public int FollowUpMonthlyVisitsForMonths { get; init; }

    /// <summary>Then one follow-up visit a quarter until this month (0 for none).</summary>
    public int FollowUpQuarterlyVisitsUntilMonth { get; init; }

    /// <summary>The coordinator written to about escalations; null when none.</summary>
    public string? CoordinatorEmail { get; init; }

    /// <summary>The funders and their shares of the envelope (the budget shows what each has committed and paid).</summary>
    public required IReadOnlyList<ProgrammeFunderDto> Funders { get; init; }

    /// <summary>Draft, Open or Closed: only an open programme takes applications and approvals.</summary>
    public ProgrammeStatus Status { get; init; }

    /// <summary>When the programme was defined, in Moroccan time with its offset.</summary>
    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>When the programme last changed, in Moroccan time with its offset.</summary>
    public DateTimeOffset UpdatedOn { get; init; }

    /// <summary>When the programme was opened; null while draft.</summary>
    public DateTimeOffset? OpenedOn { get; init; }

    /// <summary>When the programme was closed; null until then.</summary>
    public DateTimeOffset? ClosedOn { get; init; }

    /// <summary>The version to send back with a change (optimistic concurrency): it changes with every change.</summary>
    public uint Version { get; init; }

    public static ProgrammeDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac3b2-1d4e-7f60-9a8b-2c3d4e5f6a7b"),
        Code = "INDH-AGR-TAOUNATE-2024",
        NameFr = "Programme AGR de l'INDH – Taounate",
        NameAr = "برنامج الأنشطة المدرة للدخل للمبادرة الوطنية للتنمية البشرية – تاونات",
        Description = "Activités génératrices de revenus des coopératives et associations de la province de Taounate, 30 % d'apport des bénéficiaires.",
        StartsOn = new DateOnly(2024, 1, 1),
        EndsOn = new DateOnly(2026, 12, 31),
        ProvinceCodes = ["03.531"],
        TargetCategories = [TargetCategory.WomanInDifficultSituation, TargetCategory.RuralYouth],
        AllowsIndividuals = true,
        AllowsGroups = true,
        MinimumAge = 18,
        MaximumAge = 45,
        MaximumProjectCost = 300_000.00m,
        MaximumGrant = 200_000.00m,
        OwnContributionRate = 0.30m,
        Instruments = [FinancingInstrument.Grant, FinancingInstrument.HonourLoan],
        Tranches = [new() { Number = 1, Share = 0.60m, RequiresPositiveVisit = false }, new() { Number = 2, Share = 0.40m, RequiresPositiveVisit = true }],
        FollowUpMonthlyVisitsForMonths = 6,
        FollowUpQuarterlyVisitsUntilMonth = 24,
        CoordinatorEmail = "coordination.agr@indh-taounate.ma",
        Funders = [new() { PartnerId = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c16"), Envelope = Money.Mad(20_000_000.00m) }],
        Status = ProgrammeStatus.Open,
        CreatedOn = new DateTimeOffset(2023, 12, 4, 9, 30, 0, TimeSpan.FromHours(1)),
        UpdatedOn = new DateTimeOffset(2024, 1, 2, 11, 0, 0, TimeSpan.FromHours(1)),
        OpenedOn = new DateTimeOffset(2024, 1, 2, 11, 0, 0, TimeSpan.FromHours(1)),
        ClosedOn = null,
        Version = 4,
    };
}

/// <summary>One tranche of a programme's policy.</summary>
public sealed record ProgrammeTrancheDto
{
    /// <summary>1 for the first tranche.</summary>
    public int Number { get; init; }

    /// <summary>The share of the grant it releases, 0–1.</summary>
    public decimal Share { get; init; }

    /// <summary>Whether it waits for a positive follow-up visit.</summary>
    public bool RequiresPositiveVisit { get; init; }
}

/// <summary>A funder of a programme and its share of the envelope.</summary>
public sealed record ProgrammeFunderDto
{
    /// <summary>The funding partner organisation.</summary>
    public Guid PartnerId { get; init; }

    /// <summary>Its share of the envelope, in MAD.</summary>
    public Money Envelope { get; init; }
}
