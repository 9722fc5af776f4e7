using BuildingBlocks.Application.Exceptions;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.GetProgramme;

public sealed record GetProgrammeQuery(Guid ProgrammeId) : IQuery<ProgrammeDto>;

internal sealed class GetProgrammeQueryHandler(IFinancingDbContext db) : IQueryHandler<GetProgrammeQuery, ProgrammeDto>
{
    public async ValueTask<ProgrammeDto> Handle(GetProgrammeQuery query, CancellationToken cancellationToken)
    {
        var id = new ProgrammeId(query.ProgrammeId);
        return await db.Programmes.AsNoTracking()
            .Where(p => p.Id == id)
            .ProjectToDto()
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("programme", query.ProgrammeId);
    }
}
