using BuildingBlocks.Application.Exceptions;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Mentors;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Mentors.GetMentor;

public sealed record GetMentorQuery(Guid MentorId) : IQuery<MentorDto>;

internal sealed class GetMentorQueryHandler(IMentoringDbContext db) : IQueryHandler<GetMentorQuery, MentorDto>
{
    public async ValueTask<MentorDto> Handle(GetMentorQuery query, CancellationToken cancellationToken)
    {
        var id = new MentorId(query.MentorId);
        return await db.Mentors.AsNoTracking().Where(m => m.Id == id).ProjectToDto().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("mentor", query.MentorId);
    }
}
