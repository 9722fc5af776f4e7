using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Application.Projects.GetProject;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Visits.GetVisits;

public sealed record GetVisitsQuery(Guid ProjectId) : IQuery<IReadOnlyList<VisitDto>>;

internal sealed class GetVisitsQueryHandler(IMentoringDbContext db, ICurrentUser caller) : IQueryHandler<GetVisitsQuery, IReadOnlyList<VisitDto>>
{
    public async ValueTask<IReadOnlyList<VisitDto>> Handle(GetVisitsQuery query, CancellationToken cancellationToken)
    {
        var id = new ProjectId(query.ProjectId);
        var projects = await GetProjectQueryHandler.ProjectsVisibleTo(db, caller, cancellationToken);
        if (!await projects.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw new NotFoundException("project", query.ProjectId);
        }

        return await projects.Where(p => p.Id == id).SelectMany(p => p.Visits).OrderBy(v => v.Number).ProjectToDto().ToListAsync(cancellationToken);
    }
}

public sealed record GetVisitQuery(Guid VisitId) : IQuery<VisitDto>;

internal sealed class GetVisitQueryHandler(IMentoringDbContext db, ICurrentUser caller) : IQueryHandler<GetVisitQuery, VisitDto>
{
    public async ValueTask<VisitDto> Handle(GetVisitQuery query, CancellationToken cancellationToken)
    {
        var id = new VisitId(query.VisitId);
        var projects = await GetProjectQueryHandler.ProjectsVisibleTo(db, caller, cancellationToken);
        return await projects.SelectMany(p => p.Visits).Where(v => v.Id == id).ProjectToDto().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("visit", query.VisitId);
    }
}
