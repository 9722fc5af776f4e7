using BuildingBlocks.Contracts;
using Mentoring.Domain;

namespace Mentoring.Application.Mentors;

/// <summary>A mentor as the API shows him. <c>version</c> is sent back on update (optimistic concurrency).</summary>
public sealed record MentorDto : IApiExample<MentorDto>
{
    /// <summary>The mentor's id, in the paths of his operations.</summary>
    public Guid Id { get; init; }

    /// <summary>His full name.</summary>
    public required string Name { get; init; }

    /// <summary>The address his reminders are sent to.</summary>
    public required string Email { get; init; }

    /// <summary>His telephone number as it was given.</summary>
    public required string Phone { get; init; }

    /// <summary>The language of his reminders: ar or fr.</summary>
    public required string Language { get; init; }

    /// <summary>The partner organisation he works for; null for an independent volunteer.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>The sectors he knows.</summary>
    public required IReadOnlyList<Sector> Sectors { get; init; }

    /// <summary>The provinces he works in (HCP codes).</summary>
    public required IReadOnlyList<string> Provinces { get; init; }

    /// <summary>The most projects he follows at once.</summary>
    public int Capacity { get; init; }

    /// <summary>Whether he takes projects.</summary>
    public bool Active { get; init; }

    /// <summary>The staff account (Mentor role) he signs in with; null when he has none.</summary>
    public Guid? StaffUserId { get; init; }

    /// <summary>When he was registered, in Moroccan time with its offset.</summary>
    public DateTimeOffset RegisteredOn { get; init; }

    /// <summary>When his details last changed, in Moroccan time with its offset.</summary>
    public DateTimeOffset UpdatedOn { get; init; }

    /// <summary>The version to send back with a correction (optimistic concurrency): it changes with every change.</summary>
    public uint Version { get; init; }

    public static MentorDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac3a0-1f2e-7b4c-8d5e-6f708192a3b4"),
        Name = "Karima Boutahar",
        Email = "k.boutahar@atpe-nador.ma",
        Phone = "+212 661 23 45 67",
        Language = "ar",
        OrganisationId = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c16"),
        Sectors = [Sector.Crafts, Sector.Commerce],
        Provinces = ["02.381"],
        Capacity = 12,
        Active = true,
        StaffUserId = null,
        RegisteredOn = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(1)),
        UpdatedOn = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(1)),
        Version = 1,
    };
}
