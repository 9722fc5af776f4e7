using Applicants.Domain.Applications;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;

namespace Applicants.Application.Applications;

/// <summary>A project application as the API shows it. Amounts in MAD with two decimals.</summary>
public sealed record ApplicationDto : IApiExample<ApplicationDto>
{
    /// <summary>The application's id, which is also the project's id in every module.</summary>
    public Guid Id { get; init; }

    /// <summary>The programme it applies to (GET /api/v1/programmes/{id}).</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>Whether a person or a group holds the project.</summary>
    public HolderKind HolderKind { get; init; }

    /// <summary>The person's id (GET /api/v1/applicants/{id}) or the group's (GET /api/v1/groups/{id}).</summary>
    public Guid HolderId { get; init; }

    /// <summary>The project's title.</summary>
    public required string Title { get; init; }

    /// <summary>The project's sector of activity.</summary>
    public Sector Sector { get; init; }

    /// <summary>Where the project is (HCP commune code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The province or prefecture of that commune (HCP code).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>What the project is.</summary>
    public required string Description { get; init; }

    /// <summary>The project's estimated total cost, in MAD.</summary>
    public Money EstimatedTotalCost { get; init; }

    /// <summary>What the holder asks the programme for, in MAD.</summary>
    public Money RequestedAmount { get; init; }

    /// <summary>What the holder brings, in MAD.</summary>
    public Money OwnContribution { get; init; }

    /// <summary>Jobs the project expects to create, the holder's included.</summary>
    public int ExpectedJobs { get; init; }

    /// <summary>How the application reached the programme.</summary>
    public IntakeChannel Channel { get; init; }

    /// <summary>The outreach campaign (caravan) it was registered by (GET /api/v1/campaigns/{id}); null unless the channel is CampaignStop.</summary>
    public Guid? CampaignId { get; init; }

    /// <summary>The caravan stop it was registered at; null unless the channel is CampaignStop.</summary>
    public Guid? CampaignStopId { get; init; }

    /// <summary>The partner that referred it; null unless the channel is PartnerReferral.</summary>
    public Guid? ReferringPartnerId { get; init; }

    /// <summary>Whether the holder already had a project financed in some programme when the application was filed.</summary>
    public bool AlreadyFinanced { get; init; }

    /// <summary>Where the application stands in its lifecycle.</summary>
    public ApplicationStage Stage { get; init; }

    /// <summary>When the application was filed, in Moroccan time.</summary>
    public DateTimeOffset SubmittedOn { get; init; }

    /// <summary>The version: it changes with every change of the application.</summary>
    public uint Version { get; init; }

    public static ApplicationDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac3d0-1b2c-7d4e-8f5a-6b7c8d9e0f12"),
        ProgrammeId = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c15"),
        HolderKind = HolderKind.Person,
        HolderId = Guid.Parse("019ac2a1-3f7e-7b21-8c4d-1a2b3c4d5e6f"),
        Title = "Élevage de chèvres laitières à Tiflet",
        Sector = Sector.Livestock,
        CommuneCode = "03.531.01.01",
        ProvinceCode = "03.531",
        Description = "Achat de vingt chèvres de race Alpine et aménagement d'une chèvrerie de 60 m².",
        EstimatedTotalCost = Money.Mad(85_000.00m),
        RequestedAmount = Money.Mad(59_500.00m),
        OwnContribution = Money.Mad(25_500.00m),
        ExpectedJobs = 2,
        Channel = IntakeChannel.WalkIn,
        CampaignId = null,
        CampaignStopId = null,
        ReferringPartnerId = null,
        AlreadyFinanced = false,
        Stage = ApplicationStage.Submitted,
        SubmittedOn = new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.FromHours(1)),
        Version = 1,
    };
}

/// <summary>One transition of an application, dated and attributed.</summary>
public sealed record StageChangeDto : IApiExample<StageChangeDto>
{
    /// <summary>Counts the application's transitions from 1.</summary>
    public int Sequence { get; init; }

    /// <summary>The stage before the change, by name (Submitted, Eligible…, as toStage); null for the filing, the first change.</summary>
    public string? FromStage { get; init; }

    /// <summary>The stage after.</summary>
    public ApplicationStage ToStage { get; init; }

    /// <summary>A finer word on the change where one exists (Ceased, PlanCompleted, Override, Deferred); null otherwise.</summary>
    public string? Outcome { get; init; }

    /// <summary>Why, when somebody said: a withdrawal's reason, an override's justification.</summary>
    public string? Note { get; init; }

    /// <summary>When it changed, in Moroccan time.</summary>
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Who changed it: a staff member, a partner's system, or the system on another module's event.</summary>
    public ActorKind ActorKind { get; init; }

    /// <summary>The staff account's or the partner's id; null for the system.</summary>
    public Guid? ActorId { get; init; }

    public static StageChangeDto Example { get; } = new()
    {
        Sequence = 1,
        FromStage = null,
        ToStage = ApplicationStage.Submitted,
        Outcome = null,
        Note = null,
        ChangedAt = new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.FromHours(1)),
        ActorKind = ActorKind.Staff,
        ActorId = Guid.Parse("019ac0aa-1111-7222-8333-444455556666"),
    };
}
