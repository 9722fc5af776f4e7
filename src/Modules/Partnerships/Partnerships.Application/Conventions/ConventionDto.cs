using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Partnerships.Domain.Conventions;

namespace Partnerships.Application.Conventions;

/// <summary>A partnership convention as the API shows it. <c>version</c> is sent back with every change (optimistic concurrency).</summary>
public sealed record ConventionDto : IApiExample<ConventionDto>
{
    /// <summary>The convention's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The reference number written on the convention.</summary>
    public string Reference { get; init; } = string.Empty;

    /// <summary>The title as on the signed document.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>What the convention is.</summary>
    public ConventionKind Kind { get; init; }

    /// <summary>Where it is in its life: Draft, Signed, Active, Expired or Terminated.</summary>
    public ConventionStatus Status { get; init; }

    /// <summary>The province the convention belongs to; null for a national convention.</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>Who follows the convention for the agency (reminders go there); null when nobody is named.</summary>
    public string? ManagerEmail { get; init; }

    /// <summary>The partners that sign beside the agency, with their roles.</summary>
    public IReadOnlyList<PartyDto> Parties { get; init; } = [];

    /// <summary>How long the convention is in force, in months.</summary>
    public int DurationMonths { get; init; }

    /// <summary>The provinces or prefectures the convention covers.</summary>
    public IReadOnlyList<string> ProvinceCodes { get; init; } = [];

    /// <summary>The Financing programmes the convention frames.</summary>
    public IReadOnlyList<Guid> ProgrammeIds { get; init; } = [];

    /// <summary>Each party's financial commitments (a null partner is the agency).</summary>
    public IReadOnlyList<FinancialCommitment> Commitments { get; init; } = [];

    /// <summary>The deliverables each party owes, with their status today.</summary>
    public IReadOnlyList<ObligationDto> Obligations { get; init; } = [];

    /// <summary>The day the last party signed; null until signed.</summary>
    public DateOnly? SignedOn { get; init; }

    /// <summary>The day it comes into force; null until signed.</summary>
    public DateOnly? EffectiveOn { get; init; }

    /// <summary>The last day in force (effective date plus duration); null until signed.</summary>
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>The day it was terminated early; null otherwise.</summary>
    public DateOnly? TerminatedOn { get; init; }

    /// <summary>Why it was terminated; null otherwise.</summary>
    public string? TerminationReason { get; init; }

    /// <summary>The convention this one renews; null when it is not a renewal.</summary>
    public Guid? RenewalOf { get; init; }

    /// <summary>How many amendments changed its terms (see its amendments for what they were before).</summary>
    public int AmendmentCount { get; init; }

    /// <summary>When it was first recorded, in Moroccan time with its offset.</summary>
    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>When it last changed, in Moroccan time with its offset.</summary>
    public DateTimeOffset UpdatedOn { get; init; }

    /// <summary>The version to send back with a change: it changes with every change.</summary>
    public uint Version { get; init; }

    public static ConventionDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac2a0-3c5e-7d41-9b2f-6a1e8c0d4f27"),
        Reference = "ADS-CP-NADOR/2025/07",
        Title = "Programme AGR pour les femmes en situation difficile et les personnes en situation de handicap — province de Nador",
        Kind = ConventionKind.Specific,
        Status = ConventionStatus.Active,
        ProvinceCode = "02.381",
        ManagerEmail = "k.benali@ads.gov.ma",
        Parties =
        [
            new PartyDto(Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c17"), "Conseil provincial de Nador", PartyRole.Funder),
            new PartyDto(Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c18"), "Association des Très Petites Entreprises de Nador", PartyRole.Incubator),
        ],
        DurationMonths = 36,
        ProvinceCodes = ["02.381"],
        ProgrammeIds = [Guid.Parse("019ac1aa-1f00-7b5c-8e3d-2c4b6a8d0e11")],
        Commitments =
        [
            new FinancialCommitment(Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c17"), Money.Mad(1_500_000m), "Financement des projets AGR",
                [new Instalment(new DateOnly(2025, 9, 1), Money.Mad(750_000m)), new Instalment(new DateOnly(2026, 9, 1), Money.Mad(750_000m))]),
        ],
        Obligations = [ObligationDto.Example],
        SignedOn = new DateOnly(2025, 7, 15),
        EffectiveOn = new DateOnly(2025, 9, 1),
        ExpiresOn = new DateOnly(2028, 8, 31),
        AmendmentCount = 0,
        CreatedOn = new DateTimeOffset(2025, 6, 30, 11, 0, 0, TimeSpan.FromHours(1)),
        UpdatedOn = new DateTimeOffset(2025, 9, 1, 0, 5, 0, TimeSpan.FromHours(1)),
        Version = 7,
    };
}

/// <summary>A partner signing a convention.</summary>
/// <param name="PartnerId">The partner's id.</param>
/// <param name="PartnerName">Its name (Latin script when it has one, else Arabic).</param>
/// <param name="Role">What it does under the convention.</param>
public sealed record PartyDto(Guid PartnerId, string? PartnerName, PartyRole Role);

/// <summary>A deliverable a party owes.</summary>
/// <param name="Id">The deliverable's id, to record that it was done or waived.</param>
/// <param name="PartnerId">The partner that owes it; null for the agency.</param>
/// <param name="Description">What is to be delivered.</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="Status">Pending, Done, Late (pending past its due date) or Waived.</param>
/// <param name="SettledOn">When it was recorded as done or waived; null while pending.</param>
public sealed record ObligationDto(Guid Id, Guid? PartnerId, string Description, DateOnly DueOn, ObligationStatus Status, DateOnly? SettledOn)
    : IApiExample<ObligationDto>
{
    public static ObligationDto Example { get; } = new(
        Guid.Parse("019ac2a1-0d11-7a3e-8c55-3e2f1a9b7c04"),
        Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c18"),
        "Rapport semestriel d'accompagnement des porteuses de projets",
        new DateOnly(2026, 3, 31),
        ObligationStatus.Pending,
        null);
}

/// <summary>A change of a convention's terms, with the terms it replaced.</summary>
/// <param name="Id">The amendment's id.</param>
/// <param name="Number">1 for the first amendment, and so on.</param>
/// <param name="SignedOn">When the parties signed it.</param>
/// <param name="Summary">What it changes, in words.</param>
/// <param name="PreviousTerms">The title, duration, scope and commitments just before it.</param>
/// <param name="RecordedOn">When it was recorded, in Moroccan time with its offset.</param>
public sealed record AmendmentDto(Guid Id, int Number, DateOnly SignedOn, string Summary, ConventionTerms PreviousTerms, DateTimeOffset RecordedOn)
    : IApiExample<AmendmentDto>
{
    public static AmendmentDto Example { get; } = new(
        Guid.Parse("019ac2a2-5e6f-7b10-9d2c-4a3b2c1d0e9f"),
        1,
        new DateOnly(2026, 2, 10),
        "Extension à la province de Driouch et relèvement de la contribution du conseil provincial",
        new ConventionTerms(ConventionDto.Example.Title, 36, ["02.381"], ConventionDto.Example.ProgrammeIds, ConventionDto.Example.Commitments),
        new DateTimeOffset(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(1)));
}
