using BuildingBlocks.Contracts;
using Mentoring.Domain;
using Mentoring.Domain.Projects;

namespace Mentoring.Application.Projects;

/// <summary>A financed project as mentoring follows it.</summary>
public sealed record ProjectDto : IApiExample<ProjectDto>
{
    /// <summary>The project's id: its application's id, as in every module.</summary>
    public Guid Id { get; init; }

    /// <summary>The programme that financed it.</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>The project's sector.</summary>
    public Sector Sector { get; init; }

    /// <summary>The commune of the project (HCP code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The province of the project (HCP code).</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>Where it stands: waiting for a mentor, in follow-up, or completed.</summary>
    public ProjectStatus Status { get; init; }

    /// <summary>Its mentor; null while it waits for one.</summary>
    public Guid? MentorId { get; init; }

    /// <summary>When its current mentor was given it; null while it waits for one.</summary>
    public DateTimeOffset? AssignedOn { get; init; }

    /// <summary>When Financing approved it.</summary>
    public DateTimeOffset ApprovedOn { get; init; }

    /// <summary>Monthly visits for this many months from the assignment.</summary>
    public int MonthlyVisitsForMonths { get; init; }

    /// <summary>Then one visit a quarter until this month.</summary>
    public int QuarterlyVisitsUntilMonth { get; init; }

    /// <summary>The version of the project (it changes with every assignment, rescheduling and report).</summary>
    public uint Version { get; init; }

    public static ProjectDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac3b1-2a3b-7c4d-9e5f-60718293a4b5"),
        ProgrammeId = Guid.Parse("019ac3b1-0000-7c4d-9e5f-60718293a4b5"),
        Sector = Sector.Crafts,
        CommuneCode = "02.381.01.01",
        ProvinceCode = "02.381",
        Status = ProjectStatus.InFollowUp,
        MentorId = Guid.Parse("019ac3a0-1f2e-7b4c-8d5e-6f708192a3b4"),
        AssignedOn = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1)),
        ApprovedOn = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.FromHours(1)),
        MonthlyVisitsForMonths = 6,
        QuarterlyVisitsUntilMonth = 24,
        Version = 3,
    };
}
