using Applicants.Application.Abstractions;
using Applicants.Domain.Duplicates;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Duplicates;

/// <summary>
/// The likely duplicates a caller may see: those whose two persons both live in provinces the
/// caller reads, so that nobody learns of a person he could not open. Said here rather than left to
/// the query filter: the projection joins persons past their filter, and EF's IgnoreQueryFilters
/// switches off every filter of the query, the candidates' too.
/// </summary>
internal static class DuplicateQueries
{
    public static IQueryable<DuplicateCandidate> Visible(IApplicantsDbContext db, ICurrentUser caller)
    {
        var access = ProvinceAccess.For(caller);
        var candidates = db.DuplicateCandidates.AsNoTracking();
        if (!access.All)
        {
            var provinces = access.Listed;
            candidates = candidates.Where(c => provinces.Contains(c.ProvinceCode) && provinces.Contains(c.MatchProvinceCode));
        }

        return candidates;
    }

    public static IQueryable<DuplicateCandidateDto> ProjectToDto(this IQueryable<DuplicateCandidate> candidates, IApplicantsDbContext db) =>
        from c in candidates
        join p in db.Persons.IgnoreQueryFilters() on c.PersonId equals p.Id
        join m in db.Persons.IgnoreQueryFilters() on c.MatchId equals m.Id
        select new DuplicateCandidateDto
        {
            Id = c.Id.Value,
            Person = new DuplicatePersonDto
            {
                Id = p.Id.Value,
                Cin = p.Cin.Value,
                FirstName = p.FirstName,
                LastName = p.LastName,
                FirstNameAr = p.FirstNameAr,
                LastNameAr = p.LastNameAr,
                BirthDate = p.BirthDate,
                CommuneCode = p.CommuneCode,
                RegisteredOn = p.RegisteredOn,
            },
            Match = new DuplicatePersonDto
            {
                Id = m.Id.Value,
                Cin = m.Cin.Value,
                FirstName = m.FirstName,
                LastName = m.LastName,
                FirstNameAr = m.FirstNameAr,
                LastNameAr = m.LastNameAr,
                BirthDate = m.BirthDate,
                CommuneCode = m.CommuneCode,
                RegisteredOn = m.RegisteredOn,
            },
            Score = c.Score,
            SameBirthDate = c.SameBirthDate,
            SameCommune = c.SameCommune,
            Status = c.Status,
            DetectedOn = c.DetectedOn,
            ResolvedOn = c.ResolvedOn,
            ResolvedBy = c.ResolvedBy,
        };

    /// <summary>The open likely duplicates of one person, from either side, as the person's record lists them.</summary>
    public static async Task<IReadOnlyList<PossibleDuplicateDto>> OfPersonAsync(IApplicantsDbContext db, ICurrentUser caller, PersonId id, CancellationToken cancellationToken) =>
        await Visible(db, caller)
            .Where(c => c.Status == DuplicateStatus.Open && (c.PersonId == id || c.MatchId == id))
            .OrderByDescending(c => c.Score)
            .Select(c => new PossibleDuplicateDto
            {
                Id = c.Id.Value,
                PersonId = c.PersonId == id ? c.MatchId.Value : c.PersonId.Value,
                Score = c.Score,
                SameBirthDate = c.SameBirthDate,
                SameCommune = c.SameCommune,
            })
            .ToListAsync(cancellationToken);
}
