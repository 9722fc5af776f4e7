using Applicants.Domain.Groups;
using Applicants.Domain.Persons;
using BuildingBlocks.Contracts;

namespace Applicants.Application.Groups;

/// <summary>A group as the API shows it, with its members and its beneficiaries counted through them. <c>version</c> is sent back on update.</summary>
public sealed record GroupDto : IApiExample<GroupDto>
{
    /// <summary>The group's id, in the paths of its operations and as an application's holderId.</summary>
    public Guid Id { get; init; }

    /// <summary>The group's name in Latin letters.</summary>
    public required string Name { get; init; }

    /// <summary>The group's name in Arabic script; null when none was given.</summary>
    public string? NameAr { get; init; }

    /// <summary>Cooperative or Association.</summary>
    public LegalForm LegalForm { get; init; }

    /// <summary>The number it is registered under, upper-case.</summary>
    public required string RegistrationNumber { get; init; }

    /// <summary>The day the group was created.</summary>
    public DateOnly CreatedOn { get; init; }

    /// <summary>The commune of the group's seat (HCP code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The province or prefecture of that commune (HCP code).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>Its members, the office first (President, VicePresident, Treasurer, Secretary, Adviser), then the members.</summary>
    public required IReadOnlyList<GroupMemberDto> Members { get; init; }

    /// <summary>The group's beneficiaries, counted through its members.</summary>
    public required BeneficiaryCountsDto Beneficiaries { get; init; }

    /// <summary>When the group was registered, in Moroccan time with its offset.</summary>
    public DateTimeOffset RegisteredOn { get; init; }

    /// <summary>When its details or members last changed, in Moroccan time with its offset.</summary>
    public DateTimeOffset UpdatedOn { get; init; }

    /// <summary>The version to send back with a correction (optimistic concurrency): it changes with every change, members included.</summary>
    public uint Version { get; init; }

    public static GroupDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac3b2-1d4e-7c10-9a8b-2b3c4d5e6f70"),
        Name = "Coopérative Nissae Zemmour",
        NameAr = "تعاونية نساء زمور",
        LegalForm = LegalForm.Cooperative,
        RegistrationNumber = "ODCO-2019-04291-117",
        CreatedOn = new DateOnly(2019, 3, 8),
        CommuneCode = "04.291.01.03",
        ProvinceCode = "04.291",
        Members = [GroupMemberDto.Example],
        Beneficiaries = BeneficiaryCountsDto.Example,
        RegisteredOn = new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.FromHours(1)),
        UpdatedOn = new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.FromHours(1)),
        Version = 1,
    };
}

/// <summary>A member of a group.</summary>
public sealed record GroupMemberDto : IApiExample<GroupMemberDto>
{
    /// <summary>The person's id (GET /api/v1/applicants/{id}).</summary>
    public Guid PersonId { get; init; }

    /// <summary>The member's role in the group.</summary>
    public MemberRole Role { get; init; }

    /// <summary>The person's name, Latin letters first, else Arabic.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The person's sex.</summary>
    public Sex Sex { get; init; }

    public static GroupMemberDto Example { get; } = new()
    {
        PersonId = Guid.Parse("019ac2a1-3f7e-7b21-8c4d-1a2b3c4d5e6f"),
        Role = MemberRole.President,
        DisplayName = "Naima Chraibi",
        Sex = Sex.Female,
    };
}

/// <summary>Beneficiaries counted through a group's members: each member is one beneficiary.</summary>
public sealed record BeneficiaryCountsDto : IApiExample<BeneficiaryCountsDto>
{
    /// <summary>How many members the group has.</summary>
    public int Total { get; init; }

    /// <summary>How many of them are women.</summary>
    public int Women { get; init; }

    /// <summary>How many of them are men.</summary>
    public int Men { get; init; }

    /// <summary>How many members belong to each vulnerable group (a member may count in several); categories with no member are left out.</summary>
    public required IReadOnlyList<CategoryCountDto> ByCategory { get; init; }

    public static BeneficiaryCountsDto Example { get; } = new()
    {
        Total = 12,
        Women = 12,
        Men = 0,
        ByCategory = [CategoryCountDto.Example, new() { Category = VulnerabilityCategory.RuralYouth, Count = 4 }],
    };
}

/// <summary>How many beneficiaries belong to one vulnerable group.</summary>
public sealed record CategoryCountDto : IApiExample<CategoryCountDto>
{
    /// <summary>The vulnerable group.</summary>
    public VulnerabilityCategory Category { get; init; }

    /// <summary>How many members belong to it.</summary>
    public int Count { get; init; }

    public static CategoryCountDto Example { get; } = new() { Category = VulnerabilityCategory.WomanInDifficultSituation, Count = 7 };
}
