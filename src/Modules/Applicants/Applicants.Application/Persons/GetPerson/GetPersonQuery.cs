using Applicants.Application.Abstractions;
using Applicants.Application.Duplicates;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Persons.GetPerson;

public sealed record GetPersonQuery(Guid PersonId) : IQuery<PersonDto>;

internal sealed class GetPersonQueryHandler(IApplicantsDbContext db, ICurrentUser caller) : IQueryHandler<GetPersonQuery, PersonDto>
{
    public async ValueTask<PersonDto> Handle(GetPersonQuery query, CancellationToken cancellationToken)
    {
        var id = new PersonId(query.PersonId);
        // Read back by the request that has just registered or corrected the person (the 201 or
        // 200 with the resource): the context's identity map holds them as saved, version
        // included, so no second query (issue 13, as for partners).
        var person = db.Persons.Local.FindEntry(id) is { State: EntityState.Unchanged } saved
            ? saved.Entity.ToDto()
            : await db.Persons.AsNoTracking()
                .Where(p => p.Id == id)
                .ProjectToDto()
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("person", query.PersonId);
        return person with { PossibleDuplicates = await DuplicateQueries.OfPersonAsync(db, caller, id, cancellationToken) };
    }
}
