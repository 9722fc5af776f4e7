using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Projects.GetProject;

public sealed record GetProjectQuery(Guid ProjectId) : IQuery<ProjectDto>;

internal sealed class GetProjectQueryHandler(IMentoringDbContext db, ICurrentUser caller) : IQueryHandler<GetProjectQuery, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(GetProjectQuery query, CancellationToken cancellationToken)
    {
        var projects = await ProjectsVisibleTo(db, caller, cancellationToken);
        var id = new ProjectId(query.ProjectId);
        return await projects.Where(p => p.Id == id).ProjectToDto().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("project", query.ProjectId);
    }

    /// <summary>The province rule applies through the query filter; a Mentor-only caller sees only his own projects.</summary>
    internal static async Task<IQueryable<MentoredProject>> ProjectsVisibleTo(IMentoringDbContext db, ICurrentUser caller, CancellationToken cancellationToken)
    {
        var projects = db.Projects.AsNoTracking();
        return await MentoringAccess.OwnMentorAsync(db, caller, cancellationToken) is { } own ? projects.Where(p => p.MentorId == own) : projects;
    }
}
