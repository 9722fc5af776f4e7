using BuildingBlocks.Contracts;

namespace Applicants.Application.Campaigns;

/// <summary>An outreach campaign (caravan), its stops and the applications registered at each.</summary>
public sealed record CampaignDto : IApiExample<CampaignDto>
{
    /// <summary>The campaign's id, which an application registered at one of its stops names as campaignId.</summary>
    public Guid Id { get; init; }

    /// <summary>The campaign's name.</summary>
    public required string Name { get; init; }

    /// <summary>The organising partner; null when the organiser is named in free text.</summary>
    public Guid? OrganiserPartnerId { get; init; }

    /// <summary>The organiser's name: the partner's when it is one.</summary>
    public required string OrganiserName { get; init; }

    /// <summary>The first day.</summary>
    public DateOnly StartsOn { get; init; }

    /// <summary>The last day.</summary>
    public DateOnly EndsOn { get; init; }

    /// <summary>Its stops, by date.</summary>
    public required IReadOnlyList<CampaignStopDto> Stops { get; init; }

    /// <summary>How many applications were registered at its stops, all provinces together.</summary>
    public int Applications { get; init; }

    public static CampaignDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac4e1-2c3d-7e4f-8a5b-6c7d8e9f0a1b"),
        Name = "Caravane de l'entrepreneuriat rural — Khémisset",
        OrganiserPartnerId = Guid.Parse("019ac0f1-7a2b-7c3d-8e4f-5a6b7c8d9e0f"),
        OrganiserName = "Haut-Commissariat aux Anciens Résistants et Anciens Membres de l'Armée de Libération",
        StartsOn = new DateOnly(2021, 11, 29),
        EndsOn = new DateOnly(2022, 1, 4),
        Stops = [CampaignStopDto.Example],
        Applications = 14,
    };
}

/// <summary>A stop of a campaign, with the applications registered there.</summary>
public sealed record CampaignStopDto : IApiExample<CampaignStopDto>
{
    /// <summary>The stop's id, which an application registered there names as campaignStopId.</summary>
    public Guid Id { get; init; }

    /// <summary>The commune (HCP code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The province or prefecture of that commune (HCP code).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>The day of the stop.</summary>
    public DateOnly Date { get; init; }

    /// <summary>How many applications were registered at this stop.</summary>
    public int Applications { get; init; }

    public static CampaignStopDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac4e1-3d4e-7f50-9b6c-7d8e9f0a1b2c"),
        CommuneCode = "04.291.01.03",
        ProvinceCode = "04.291",
        Date = new DateOnly(2021, 12, 6),
        Applications = 5,
    };
}
