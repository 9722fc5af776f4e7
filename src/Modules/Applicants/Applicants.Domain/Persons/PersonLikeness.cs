namespace Applicants.Domain.Persons;

/// <summary>What duplicate detection compares of a person: the folded names of each script, the birth date and the commune.</summary>
public sealed record PersonSketch(string FirstKey, string LastKey, string FirstKeyAr, string LastKeyAr, DateOnly BirthDate, string CommuneCode)
{
    public static PersonSketch Of(string? firstName, string? lastName, string? firstNameAr, string? lastNameAr, DateOnly birthDate, string communeCode) =>
        new(NormalisedName.Of(firstName), NormalisedName.Of(lastName), NormalisedName.Of(firstNameAr), NormalisedName.Of(lastNameAr), birthDate, communeCode);
}

/// <summary>How much two registrations look like one person, 0 to 100, and what agreed.</summary>
public sealed record Likeness(int Score, bool SameBirthDate, bool SameCommune);

/// <summary>
/// Decides whether two registrations are likely one person under another spelling. Names are
/// compared after <see cref="NormalisedName"/> folded the spellings, per script, first with first
/// and last with last (or swapped, a clerk's common slip), each by edit distance; a name whose
/// first letter differs is another name (Amrani and Omrani, Khadija and Hadija). Every script both
/// persons were registered in must agree: close Latin names with different Arabic ones (Fatima and
/// Fatiha, فاطمة and فتيحة) are two persons. Birth date: the same day, or day and month swapped
/// anywhere, or less than a year apart in the same commune (a slip); otherwise never a duplicate,
/// whatever the name (namesakes). A slipped birth date asks for near-identical names. The score
/// weighs names 70, birth date 20, commune 10 (the same province counts half): a human confirms.
/// </summary>
public static class PersonLikeness
{
    /// <summary>The least score a likely duplicate has.</summary>
    public const int Threshold = 75;

    private const double NamesAgree = 0.8;
    private const double NamesAgreeDespiteDate = 0.9;

    public static Likeness? Compare(PersonSketch one, PersonSketch other)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentNullException.ThrowIfNull(other);

        var names = NameSimilarity(one, other);
        if (names is not { } name || name < NamesAgree)
        {
            return null;
        }

        var sameBirthDate = one.BirthDate == other.BirthDate;
        var sameCommune = one.CommuneCode == other.CommuneCode;
        double birth;
        if (sameBirthDate)
        {
            birth = 1;
        }
        else if (Swapped(one.BirthDate, other.BirthDate)
                 || (sameCommune && Math.Abs(one.BirthDate.DayNumber - other.BirthDate.DayNumber) <= 366))
        {
            if (name < NamesAgreeDespiteDate)
            {
                return null;
            }

            birth = 0.5;
        }
        else
        {
            return null;
        }

        var place = sameCommune ? 1 : SameProvince(one.CommuneCode, other.CommuneCode) ? 0.5 : 0;
        var score = (int)Math.Round(100 * ((0.7 * name) + (0.2 * birth) + (0.1 * place)), MidpointRounding.AwayFromZero);
        return score >= Threshold ? new Likeness(score, sameBirthDate, sameCommune) : null;
    }

    /// <summary>The birth dates a likely duplicate of someone born on <paramref name="birthDate"/> may carry with another commune: the day itself, and day and month swapped.</summary>
    public static IReadOnlyList<DateOnly> BirthDatesAnywhere(DateOnly birthDate)
    {
        List<DateOnly> dates = [birthDate];
        if (birthDate.Day <= 12 && birthDate.Day != birthDate.Month)
        {
            dates.Add(new DateOnly(birthDate.Year, birthDate.Day, birthDate.Month));
        }

        return dates;
    }

    private static bool Swapped(DateOnly one, DateOnly other) =>
        one.Year == other.Year && one.Day == other.Month && one.Month == other.Day;

    private static bool SameProvince(string commune, string other) =>
        commune.Length >= 6 && other.Length >= 6 && commune.AsSpan(0, 6).SequenceEqual(other.AsSpan(0, 6));

    /// <summary>The least agreement over the scripts both were named in; null when they share none.</summary>
    private static double? NameSimilarity(PersonSketch one, PersonSketch other)
    {
        double? result = null;
        if (Named(one.FirstKey, one.LastKey) && Named(other.FirstKey, other.LastKey))
        {
            result = FullName(one.FirstKey, one.LastKey, other.FirstKey, other.LastKey);
        }

        if (Named(one.FirstKeyAr, one.LastKeyAr) && Named(other.FirstKeyAr, other.LastKeyAr))
        {
            var arabic = FullName(one.FirstKeyAr, one.LastKeyAr, other.FirstKeyAr, other.LastKeyAr);
            result = result is { } latin ? Math.Min(latin, arabic) : arabic;
        }

        return result;
    }

    private static bool Named(string first, string last) => first.Length > 0 && last.Length > 0;

    private static double FullName(string first, string last, string otherFirst, string otherLast) =>
        Math.Max(
            Math.Min(Similarity(first, otherFirst), Similarity(last, otherLast)),
            Math.Min(Similarity(first, otherLast), Similarity(last, otherFirst)));

    private static double Similarity(string one, string other)
    {
        if (one == other)
        {
            return 1;
        }

        if (one[0] != other[0])
        {
            return 0;
        }

        return 1 - ((double)Distance(one, other) / Math.Max(one.Length, other.Length));
    }

    private static int Distance(string one, string other)
    {
        var previous = new int[other.Length + 1];
        var current = new int[other.Length + 1];
        for (var j = 0; j <= other.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= one.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= other.Length; j++)
            {
                var substitution = previous[j - 1] + (one[i - 1] == other[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[other.Length];
    }
}
