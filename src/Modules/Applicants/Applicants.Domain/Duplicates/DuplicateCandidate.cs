using Applicants.Domain.Persons;
using BuildingBlocks.Domain;

namespace Applicants.Domain.Duplicates;

public readonly record struct DuplicateCandidateId(Guid Value) : IStronglyTypedId
{
    public static DuplicateCandidateId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where a likely duplicate stands: waiting for a staff member, or settled one way or the other.</summary>
public enum DuplicateStatus
{
    Open,
    Merged,
    Dismissed,
}

/// <summary>
/// A registration (<see cref="PersonId"/>) that looks like a person registered before
/// (<see cref="MatchId"/>), found when it was registered, until a staff member merges the two
/// (the later registration is retired into the earlier one) or dismisses the likeness. It belongs
/// to the province of the later registration, and names the match's province so that reads can
/// check both: an Officer never learns of a person in a province he cannot read.
/// </summary>
public sealed class DuplicateCandidate : AggregateRoot<DuplicateCandidateId>, IProvinceScoped
{
    private DuplicateCandidate()
    {
        ProvinceCode = MatchProvinceCode = string.Empty;
    }

    public PersonId PersonId { get; private set; }

    public PersonId MatchId { get; private set; }

    /// <summary>The later registration's province: the one the province rule reads.</summary>
    public string ProvinceCode { get; private set; }

    public string MatchProvinceCode { get; private set; }

    public int Score { get; private set; }

    public bool SameBirthDate { get; private set; }

    public bool SameCommune { get; private set; }

    public DuplicateStatus Status { get; private set; }

    public DateTimeOffset DetectedOn { get; private set; }

    public DateTimeOffset? ResolvedOn { get; private set; }

    /// <summary>The staff account that merged or dismissed; null while open or when the system did.</summary>
    public Guid? ResolvedBy { get; private set; }

    /// <summary>Records <paramref name="person"/> as likely the person <paramref name="matchId"/> of province <paramref name="matchProvinceCode"/> (detection reads no more of the match).</summary>
    public static DuplicateCandidate Detect(Person person, PersonId matchId, string matchProvinceCode, Likeness likeness, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentException.ThrowIfNullOrEmpty(matchProvinceCode);
        ArgumentNullException.ThrowIfNull(likeness);
        return new DuplicateCandidate
        {
            Id = DuplicateCandidateId.New(),
            PersonId = person.Id,
            MatchId = matchId,
            ProvinceCode = person.ProvinceCode,
            MatchProvinceCode = matchProvinceCode,
            Score = likeness.Score,
            SameBirthDate = likeness.SameBirthDate,
            SameCommune = likeness.SameCommune,
            Status = DuplicateStatus.Open,
            DetectedOn = now,
        };
    }

    /// <summary>Confirms the likeness: <paramref name="later"/> (this candidate's person) is retired into <paramref name="earlier"/> (its match).</summary>
    public void Merge(Person later, Person earlier, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlier);
        CheckRule(new DuplicateMustBeOpenRule(Status));
        later.MergeInto(earlier, now);
        Resolve(DuplicateStatus.Merged, by, now);
    }

    public void Dismiss(Guid? by, DateTimeOffset now)
    {
        CheckRule(new DuplicateMustBeOpenRule(Status));
        Resolve(DuplicateStatus.Dismissed, by, now);
    }

    private void Resolve(DuplicateStatus status, Guid? by, DateTimeOffset now)
    {
        Status = status;
        ResolvedBy = by;
        ResolvedOn = now;
    }
}

/// <summary>A likely duplicate is settled once: merged or dismissed, it stays so.</summary>
public sealed class DuplicateMustBeOpenRule(DuplicateStatus status) : IBusinessRule
{
    public string Code => "duplicate.already-resolved";

    public LocalizedText Message => new(
        "This likely duplicate has already been merged or dismissed.",
        "Ce doublon probable a déjà été fusionné ou écarté.",
        "تمت معالجة هذا التكرار المحتمل من قبل بالدمج أو الاستبعاد.");

    public bool IsBroken() => status != DuplicateStatus.Open;
}
