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
/// checked, and hands over at most <see cref="MaxCompared"/> of them, those sharing name words
/// first; <see cref="PersonLikeness"/> decides on the rows handed over. A registration answers
/// only the candidates its caller may read.
/// </summary>
internal static class DuplicateDetection
{
    /// <summary>A registration lists its best candidates; a name shared by a whole village would list them all.</summary>
    private const int MaxCandidates = 10;

    /// <summary>How many persons of a birth date one registration is compared with at most, the likeliest first.</summary>
    private const int MaxCompared = 500;

    public static async Task DetectAsync(IApplicantsDbContext db, Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anywhere = PersonLikeness.BirthDatesAnywhere(person.BirthDate);
        var from = person.BirthDate.AddDays(-366);
        var to = person.BirthDate.AddDays(366);
        var commune = person.CommuneCode;
        var id = person.Id;
        string[] first = [.. Words(person.FirstName).Union(Words(person.FirstNameAr), StringComparer.Ordinal)];
        string[] last = [.. Words(person.LastName).Union(Words(person.LastNameAr), StringComparer.Ordinal)];
        // A common birth date (1 January, which many older persons were registered with) has
        // thousands of persons nationwide, more than are compared: those that share a word of the
        // first name and one of the last name (name_tokens, folded as NormalisedName folds them;
        // swapped names too) come first, then those sharing one of them, the same commune first
        // among equals. A duplicate spelled alike is left out only behind MaxCompared namesakes of
        // both its names born the same day (all of them likely duplicates too); one spelled
        // differently in every word of every script, only when the cap leaves no room for it.
        var near = await db.Persons.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id != id && p.MergedIntoId == null
                        && (anywhere.Contains(p.BirthDate) || (p.CommuneCode == commune && p.BirthDate >= from && p.BirthDate <= to)))
            .OrderByDescending(p => (p.NameTokens.Any(t => first.Contains(t)) ? 1 : 0) + (p.NameTokens.Any(t => last.Contains(t)) ? 1 : 0))
            .ThenByDescending(p => p.CommuneCode == commune)
            .Take(MaxCompared)
            .Select(p => new Compared(p.Id, p.ProvinceCode, PersonSketch.Of(p.FirstName, p.LastName, p.FirstNameAr, p.LastNameAr, p.BirthDate, p.CommuneCode)))
            .ToListAsync(cancellationToken);

        // A pair already recorded, in either direction and whatever became of it, is not recorded
        // again: a correction re-runs detection, and a pair staff dismissed stays dismissed.
        var known = await db.DuplicateCandidates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.PersonId == id || c.MatchId == id)
            .Select(c => c.PersonId == id ? c.MatchId : c.PersonId)
            .ToListAsync(cancellationToken);
        var sketch = PersonSketch.Of(person.FirstName, person.LastName, person.FirstNameAr, person.LastNameAr, person.BirthDate, person.CommuneCode);
        var found = near
            .Where(match => !known.Contains(match.Id))
            .Select(match => (Match: match, Likeness: PersonLikeness.Compare(sketch, match.Sketch)))
            .Where(m => m.Likeness is not null)
            .OrderByDescending(m => m.Likeness!.Score)
            .Take(MaxCandidates);
        foreach (var (match, likeness) in found)
        {
            db.DuplicateCandidates.Add(DuplicateCandidate.Detect(person, match.Id, match.ProvinceCode, likeness!, now));
        }
    }

    /// <summary>A name's tokens, and the name written as one word, with and without the mark of a run (Fatima Zahra meets Fatimazahra).</summary>
    private static IEnumerable<string> Words(string? name)
    {
        var whole = NormalisedName.Of(name);
        return whole.Length == 0 ? [] : NormalisedName.Tokens(name).Append(whole).Append(NormalisedName.JoinedMark + whole);
    }

    /// <summary>What is read of each person compared: the columns the sketch needs, not the whole row.</summary>
    private sealed record Compared(PersonId Id, string ProvinceCode, PersonSketch Sketch);
}
