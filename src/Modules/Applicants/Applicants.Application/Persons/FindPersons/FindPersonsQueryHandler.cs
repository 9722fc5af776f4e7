using Applicants.Application.Abstractions;
using Applicants.Contracts;
using Applicants.Domain.Persons;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Persons.FindPersons;

/// <summary>Answers other modules' lookups of project holders; the caller's province rule applies, as to any read.</summary>
internal sealed class FindPersonsQueryHandler(IApplicantsDbContext db) : IQueryHandler<FindPersonsQuery, IReadOnlyList<PersonInfo>>
{
    public async ValueTask<IReadOnlyList<PersonInfo>> Handle(FindPersonsQuery query, CancellationToken cancellationToken)
    {
        if (query.PersonIds.Count == 0)
        {
            return [];
        }

        var ids = query.PersonIds.Distinct().Select(id => new PersonId(id)).ToList();
        var found = await db.Persons.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, p.FirstNameAr, p.LastNameAr, p.Sex, p.BirthDate, p.CommuneCode, p.ProvinceCode, p.Categories, p.MergedIntoId,
            })
            .ToListAsync(cancellationToken);
        return found.Select(p => new PersonInfo(
                p.Id.Value,
                DisplayName(p.FirstName, p.LastName) ?? DisplayName(p.FirstNameAr, p.LastNameAr) ?? string.Empty,
                p.Sex.ToString(),
                p.BirthDate,
                p.CommuneCode,
                p.ProvinceCode,
                p.Categories.Select(c => c.ToString()).ToList(),
                p.MergedIntoId?.Value))
            .ToList();
    }

    private static string? DisplayName(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;
}
