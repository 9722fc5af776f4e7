using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.GetApplication;

public sealed record GetApplicationQuery(Guid ApplicationId) : IQuery<ApplicationDto>;

internal sealed class GetApplicationQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetApplicationQuery, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(query.ApplicationId);
        return await db.Applications.AsNoTracking().Where(a => a.Id == id).ProjectToDto().FirstOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("application", query.ApplicationId);
    }
}

/// <summary>An application's transitions, oldest first.</summary>
public sealed record GetApplicationHistoryQuery(Guid ApplicationId) : IQuery<IReadOnlyList<StageChangeDto>>;

internal sealed class GetApplicationHistoryQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetApplicationHistoryQuery, IReadOnlyList<StageChangeDto>>
{
    public async ValueTask<IReadOnlyList<StageChangeDto>> Handle(GetApplicationHistoryQuery query, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(query.ApplicationId);
        if (!await db.Applications.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw new NotFoundException("application", query.ApplicationId);
        }

        return await db.Applications.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.History)
            .OrderBy(c => c.Sequence).ProjectToDto().ToListAsync(cancellationToken);
    }
}
