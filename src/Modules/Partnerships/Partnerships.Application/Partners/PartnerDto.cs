using BuildingBlocks.Contracts;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners;

/// <summary>A partner as the API shows it. <c>version</c> is sent back on update (optimistic concurrency).</summary>
public sealed record PartnerDto : IApiExample<PartnerDto>
{
    /// <summary>The partner's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>The name in Latin script; null when only the Arabic name is known.</summary>
    public string? Name { get; init; }

    /// <summary>The name in Arabic script; null when only the Latin name is known.</summary>
    public string? NameAr { get; init; }

    /// <summary>The short name the organisation goes by; null when it has none.</summary>
    public string? Acronym { get; init; }

    /// <summary>The kind of organisation.</summary>
    public PartnerType Type { get; init; }

    /// <summary>The province or prefecture (HCP code) the partner works in; null for a national partner.</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>The address the agency writes to; null when none was given.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>The telephone number as it was given; null when none was.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>The Identifiant Commun de l'Entreprise (15 digits); null when it has none.</summary>
    public string? Ice { get; init; }

    /// <summary>The registration the organisation is known by (trade register, ODCO number, association's receipt); null when none was given.</summary>
    public string? RegistrationNumber { get; init; }

    /// <summary>The people the agency deals with at the partner.</summary>
    public IReadOnlyList<PartnerContact> Contacts { get; init; } = [];

    /// <summary>The provinces or prefectures (HCP codes) where the partner acts.</summary>
    public IReadOnlyList<string> ProvincesOfAction { get; init; } = [];

    /// <summary>When the partner was registered, in Moroccan time with its offset.</summary>
    public DateTimeOffset RegisteredOn { get; init; }

    /// <summary>When the partner's details last changed, in Moroccan time with its offset.</summary>
    public DateTimeOffset UpdatedOn { get; init; }

    /// <summary>The version to send back with a correction (optimistic concurrency): it changes with every change.</summary>
    public uint Version { get; init; }

    public static PartnerDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c16"),
        Name = "Association Femmes de Taounate",
        NameAr = "جمعية نساء تاونات",
        Acronym = "AFT",
        Type = PartnerType.Association,
        ProvinceCode = "03.531",
        ContactEmail = "contact@femmes-taounate.ma",
        ContactPhone = "+212 535 62 10 44",
        RegistrationNumber = "ASSO-TAOUNATE-2017-052",
        Contacts = [new PartnerContact("Fatima Zahra Bennani", "Présidente", "presidence@femmes-taounate.ma", "+212 661 45 78 90")],
        ProvincesOfAction = ["03.531"],
        RegisteredOn = new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(1)),
        UpdatedOn = new DateTimeOffset(2026, 11, 24, 16, 40, 0, TimeSpan.FromHours(1)),
        Version = 2,
    };
}
