using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Application.Projects.GetProject;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Projects.GetMentorSuggestions;

public sealed record GetMentorSuggestionsQuery(Guid ProjectId) : IQuery<IReadOnlyList<MentorSuggestionDto>>;

/// <summary>An active mentor ranked for a project: sector and province matches first, then the most free capacity.</summary>
public sealed record MentorSuggestionDto : IApiExample<MentorSuggestionDto>
{
    /// <summary>The mentor.</summary>
    public Guid MentorId { get; init; }

    /// <summary>His name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether he knows the project's sector.</summary>
    public bool SectorMatch { get; init; }

    /// <summary>Whether he works in the project's province.</summary>
    public bool ProvinceMatch { get; init; }

    /// <summary>The most projects he follows at once.</summary>
    public int Capacity { get; init; }

    /// <summary>How many projects he follows now.</summary>
    public int ActiveProjects { get; init; }

    /// <summary>Capacity minus active projects; zero or less means an assignment needs an explicit override.</summary>
    public int FreeCapacity { get; init; }

    public static MentorSuggestionDto Example { get; } = new()
    {
        MentorId = Guid.Parse("019ac3a0-1f2e-7b4c-8d5e-6f708192a3b4"),
        Name = "Karima Boutahar",
        SectorMatch = true,
        ProvinceMatch = true,
        Capacity = 12,
        ActiveProjects = 7,
        FreeCapacity = 5,
    };
}

internal sealed class GetMentorSuggestionsQueryHandler(IMentoringDbContext db, ICurrentUser caller)
    : IQueryHandler<GetMentorSuggestionsQuery, IReadOnlyList<MentorSuggestionDto>>
{
    private const int Shown = 20;

    public async ValueTask<IReadOnlyList<MentorSuggestionDto>> Handle(GetMentorSuggestionsQuery query, CancellationToken cancellationToken)
    {
        MentoringAccess.RefuseMentorOnly(caller);
        var id = new ProjectId(query.ProjectId);
        var project = await (await GetProjectQueryHandler.ProjectsVisibleTo(db, caller, cancellationToken))
            .Where(p => p.Id == id).Select(p => new { p.Sector, p.ProvinceCode }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("project", query.ProjectId);

        // A mentor's load counts his projects in every province, whoever asks.
        var followed = db.Projects.IgnoreQueryFilters().Where(p => p.Status == ProjectStatus.InFollowUp);
        return await db.Mentors.AsNoTracking()
            .Where(m => m.Active)
            .Select(m => new
            {
                m.Id,
                m.Name,
                SectorMatch = m.Sectors.Contains(project.Sector),
                ProvinceMatch = m.Provinces.Contains(project.ProvinceCode),
                m.Capacity,
                Active = followed.Count(p => p.MentorId == m.Id),
            })
            .OrderByDescending(m => (m.SectorMatch ? 2 : 0) + (m.ProvinceMatch ? 1 : 0))
            .ThenByDescending(m => m.Capacity - m.Active)
            .ThenBy(m => m.Name)
            .ThenBy(m => m.Id)
            .Take(Shown)
            .Select(m => new MentorSuggestionDto
            {
                MentorId = m.Id.Value,
                Name = m.Name,
                SectorMatch = m.SectorMatch,
                ProvinceMatch = m.ProvinceMatch,
                Capacity = m.Capacity,
                ActiveProjects = m.Active,
                FreeCapacity = m.Capacity - m.Active,
            })
            .ToListAsync(cancellationToken);
    }
}
