using Applicants.Domain.Duplicates;
using BuildingBlocks.Contracts;

namespace Applicants.Application.Duplicates;

/// <summary>A person registered earlier that a registration looks like, as the person's record shows it.</summary>
public sealed record PossibleDuplicateDto : IApiExample<PossibleDuplicateDto>
{
    /// <summary>The likely duplicate's id: merge or dismiss it at /api/v1/duplicates/{id}/merge or /dismiss.</summary>
    public Guid Id { get; init; }

    /// <summary>The other person's id (GET /api/v1/applicants/{id}).</summary>
    public Guid PersonId { get; init; }

    /// <summary>How alike the two are, from 75 (worth a look) to 100 (same names, birth date and commune).</summary>
    public int Score { get; init; }

    /// <summary>Whether both were born the same day.</summary>
    public bool SameBirthDate { get; init; }

    /// <summary>Whether both live in the same commune.</summary>
    public bool SameCommune { get; init; }

    public static PossibleDuplicateDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac2b4-8a10-7c3e-9d2f-4b5c6d7e8f90"),
        PersonId = Guid.Parse("019ac2a1-3f7e-7b21-8c4d-1a2b3c4d5e6f"),
        Score = 90,
        SameBirthDate = true,
        SameCommune = false,
    };
}

/// <summary>One of the two persons of a likely duplicate, with what tells them apart.</summary>
public sealed record DuplicatePersonDto : IApiExample<DuplicatePersonDto>
{
    /// <summary>The person's id (GET /api/v1/applicants/{id}).</summary>
    public Guid Id { get; init; }

    /// <summary>The national identity card number.</summary>
    public required string Cin { get; init; }

    /// <summary>The first name in Latin letters, when known.</summary>
    public string? FirstName { get; init; }

    /// <summary>The family name in Latin letters, when known.</summary>
    public string? LastName { get; init; }

    /// <summary>The first name in Arabic script, when known.</summary>
    public string? FirstNameAr { get; init; }

    /// <summary>The family name in Arabic script, when known.</summary>
    public string? LastNameAr { get; init; }

    /// <summary>The date of birth.</summary>
    public DateOnly BirthDate { get; init; }

    /// <summary>The commune the person lives in (HCP code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>When the person was registered, in Moroccan time.</summary>
    public DateTimeOffset RegisteredOn { get; init; }

    public static DuplicatePersonDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac2a1-3f7e-7b21-8c4d-1a2b3c4d5e6f"),
        Cin = "CD123456",
        FirstName = "Mohammed",
        LastName = "El Ouazzani",
        FirstNameAr = "محمد",
        LastNameAr = "الوزاني",
        BirthDate = new DateOnly(1987, 3, 14),
        CommuneCode = "03.531.01.01",
        RegisteredOn = new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.FromHours(1)),
    };
}

/// <summary>A registration that likely duplicates a person registered earlier, and what staff decided.</summary>
public sealed record DuplicateCandidateDto : IApiExample<DuplicateCandidateDto>
{
    /// <summary>The likely duplicate's id, in the paths of merge and dismiss.</summary>
    public Guid Id { get; init; }

    /// <summary>The later registration: the one retired when the two are merged.</summary>
    public required DuplicatePersonDto Person { get; init; }

    /// <summary>The person registered earlier that it looks like: the one kept when the two are merged.</summary>
    public required DuplicatePersonDto Match { get; init; }

    /// <summary>How alike the two are, from 75 (worth a look) to 100 (same names, birth date and commune).</summary>
    public int Score { get; init; }

    /// <summary>Whether both were born the same day.</summary>
    public bool SameBirthDate { get; init; }

    /// <summary>Whether both live in the same commune.</summary>
    public bool SameCommune { get; init; }

    /// <summary>Open until a staff member merges the two or dismisses the likeness.</summary>
    public DuplicateStatus Status { get; init; }

    /// <summary>When the likeness was found (the later registration), in Moroccan time.</summary>
    public DateTimeOffset DetectedOn { get; init; }

    /// <summary>When it was merged or dismissed; null while open.</summary>
    public DateTimeOffset? ResolvedOn { get; init; }

    /// <summary>The staff account that merged or dismissed it; null while open.</summary>
    public Guid? ResolvedBy { get; init; }

    public static DuplicateCandidateDto Example { get; } = new()
    {
        Id = PossibleDuplicateDto.Example.Id,
        Person = DuplicatePersonDto.Example with
        {
            Id = Guid.Parse("019ac2b4-8a0f-7d11-a2b3-c4d5e6f70819"),
            Cin = "CD654321",
            FirstName = "Mohamed",
            LastName = "Wazani",
            FirstNameAr = "مُحمّد",
            LastNameAr = "الوزانى",
            RegisteredOn = new DateTimeOffset(2026, 11, 24, 9, 40, 0, TimeSpan.FromHours(1)),
        },
        Match = DuplicatePersonDto.Example,
        Score = 100,
        SameBirthDate = true,
        SameCommune = true,
        Status = DuplicateStatus.Open,
        DetectedOn = new DateTimeOffset(2026, 11, 24, 9, 40, 0, TimeSpan.FromHours(1)),
        ResolvedOn = null,
        ResolvedBy = null,
    };
}
