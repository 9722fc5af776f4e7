using Applicants.Application.Abstractions;
using Applicants.Domain.Duplicates;
using Applicants.Domain.Persons;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Duplicates;

/// <summary>
/// Finds the persons a new or corrected registration likely duplicates and records each as an open
/// <see cref="DuplicateCandidate"/>, in the registration's transaction. The database narrows the
/// field to who could be a duplicate at all (<see cref="PersonLikeness"/>: the same or swapped birth
/// date anywhere, a near one in the same commune; both indexed), across every province, as CINs are
/// checked; <see cref="PersonLikeness"/> decides on the few rows left. A registration answers
/// only the candidates its caller may read.
/// </summary>
internal static class DuplicateDetection
{
    /// <summary>A registration lists its best candidates; a name shared by a whole village would list them all.</summary>
    private const int MaxCandidates = 10;

    public static async Task DetectAsync(IApplicantsDbContext db, Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anywhere = PersonLikeness.BirthDatesAnywhere(person.BirthDate);
        var from = person.BirthDate.AddDays(-366);
        var to = person.BirthDate.AddDays(366);
        var commune = person.CommuneCode;
        var id = person.Id;
        var near = await db.Persons.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id != id && p.MergedIntoId == null
                        && (anywhere.Contains(p.BirthDate) || (p.CommuneCode == commune && p.BirthDate >= from && p.BirthDate <= to)))
            .Take(500)
            .ToListAsync(cancellationToken);

        // A pair already recorded, in either direction and whatever became of it, is not recorded
        // again: a correction re-runs detection, and a pair staff dismissed stays dismissed.
        var known = await db.DuplicateCandidates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.PersonId == id || c.MatchId == id)
            .Select(c => c.PersonId == id ? c.MatchId : c.PersonId)
            .ToListAsync(cancellationToken);
        var sketch = Sketch(person);
        var found = near
            .Where(match => !known.Contains(match.Id))
            .Select(match => (Match: match, Likeness: PersonLikeness.Compare(sketch, Sketch(match))))
            .Where(m => m.Likeness is not null)
            .OrderByDescending(m => m.Likeness!.Score)
            .Take(MaxCandidates);
        foreach (var (match, likeness) in found)
        {
            db.DuplicateCandidates.Add(DuplicateCandidate.Detect(person, match, likeness!, now));
        }
    }

    private static PersonSketch Sketch(Person p) =>
        PersonSketch.Of(p.FirstName, p.LastName, p.FirstNameAr, p.LastNameAr, p.BirthDate, p.CommuneCode);
}
