using Applicants.Application.Abstractions;
using Applicants.Domain.Groups;
using BuildingBlocks.Application.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Groups.GetGroup;

public sealed record GetGroupQuery(Guid GroupId) : IQuery<GroupDto>;

internal sealed class GetGroupQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetGroupQuery, GroupDto>
{
    public async ValueTask<GroupDto> Handle(GetGroupQuery query, CancellationToken cancellationToken)
    {
        var id = new GroupId(query.GroupId);
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
                    ?? throw new NotFoundException("group", query.GroupId);
        return (await GroupReader.ToDtosAsync(db, [group], cancellationToken))[0];
    }
}
