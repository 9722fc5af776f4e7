using Applicants.Domain.Geography;
using BuildingBlocks.Contracts;

namespace Applicants.Application.Geography;

/// <summary>One of Morocco's twelve regions (2015 division).</summary>
public sealed record RegionDto : IApiExample<RegionDto>
{
    /// <summary>The HCP region code, 01 to 12.</summary>
    public required string Code { get; init; }

    /// <summary>The region's name in French, as HCP spells it.</summary>
    public required string NameFr { get; init; }

    /// <summary>The region's name in Arabic.</summary>
    public required string NameAr { get; init; }

    public static RegionDto Example { get; } = new() { Code = "03", NameFr = "Fès-Meknès", NameAr = "فاس-مكناس" };
}

/// <summary>A province or prefecture.</summary>
public sealed record ProvinceDto : IApiExample<ProvinceDto>
{
    /// <summary>The HCP code: region, a dot, three digits (e.g. 03.531 for Taounate).</summary>
    public required string Code { get; init; }

    /// <summary>The region it belongs to (e.g. 03).</summary>
    public required string RegionCode { get; init; }

    /// <summary>Province, or Prefecture (the province-level division of a large city).</summary>
    public ProvinceKind Kind { get; init; }

    /// <summary>The name in French, as HCP spells it.</summary>
    public required string NameFr { get; init; }

    /// <summary>The name in Arabic.</summary>
    public required string NameAr { get; init; }

    public static ProvinceDto Example { get; } = new()
    {
        Code = "03.531", RegionCode = "03", Kind = ProvinceKind.Province, NameFr = "Taounate", NameAr = "تاونات",
    };
}

/// <summary>A commune (RGPH 2024).</summary>
public sealed record CommuneDto : IApiExample<CommuneDto>
{
    /// <summary>The HCP code: region.province.cercle.commune (e.g. 03.531.01.01); cercle 01 holds the urban communes.</summary>
    public required string Code { get; init; }

    /// <summary>The province or prefecture it belongs to (e.g. 03.531).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>Urban (a municipality) or Rural.</summary>
    public CommuneKind Kind { get; init; }

    /// <summary>The name in French, as HCP spells it.</summary>
    public required string NameFr { get; init; }

    /// <summary>The name in Arabic.</summary>
    public required string NameAr { get; init; }

    public static CommuneDto Example { get; } = new()
    {
        Code = "03.531.01.01", ProvinceCode = "03.531", Kind = CommuneKind.Urban, NameFr = "Rhafsai", NameAr = "غفساي",
    };
}
