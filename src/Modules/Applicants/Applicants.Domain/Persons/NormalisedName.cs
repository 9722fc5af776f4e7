using System.Globalization;
using System.Text;

namespace Applicants.Domain.Persons;

/// <summary>
/// A name folded so that the spellings of one name compare equal, the key duplicate detection and
/// name search work on. Arabic: alef forms (أ إ آ ٱ → ا), hamza on its carriers (ؤ → و, ئ → ي,
/// ء dropped), ta marbuta (ة → ه), alef maqsura (ى → ي), tatweel and diacritics dropped. Latin:
/// case and accents dropped, the article (el, al) dropped when written apart, ou and w → u,
/// sh → ch, then o → u, y → i, dj → j, q → k, ph → f, ck → k, c before e or i → s, and abdel,
/// abdal, abdul → abd. Both: a letter doubled counts once (a digit doubled stays doubled: ODCO-4566 is
/// not ODCO-456), and spaces, hyphens and apostrophes vanish, so
/// "Ben Ali" is "Benali" and "عبد الله" is "عبدالله". What remains different (سعيد and سعد,
/// Fatima and Fatiha) is left to similarity, never folded.
/// </summary>
public static class NormalisedName
{
    /// <summary>Long enough for "Ait Ben Ali" or "Abd El Kader" written apart to meet its one-word spelling.</summary>
    public const int MaxWordsPerToken = 4;

    /// <summary>Marks a token made of several words joined (see <see cref="Tokens"/>).</summary>
    public const char JoinedMark = '~';

    private const char Tatweel = '\u0640';
    private const char Hamza = '\u0621';

    public static string Of(string? name) => Transliterations(string.Concat(Words(name)));

    /// <summary>
    /// What name search finds a name by: each word folded as <see cref="Of"/> folds a whole name,
    /// and each run of two to <see cref="MaxWordsPerToken"/> consecutive words folded together,
    /// behind <see cref="JoinedMark"/>. "Mohamed El Alaoui" gives muhamed, alaui and ~muhamedalaui;
    /// "Ben Ali" gives ben, ali and ~benali, so that a search for "Benali" finds it too. The mark
    /// keeps the joined runs apart from the words, so that a word searched never meets a run
    /// spelled like it. Distinct, in no particular order.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? name)
    {
        var words = Words(name);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var first = 0; first < words.Count; first++)
        {
            for (var last = first; last < Math.Min(words.Count, first + MaxWordsPerToken); last++)
            {
                var run = Transliterations(string.Concat(words.Skip(first).Take(last - first + 1)));
                tokens.Add(last == first || run.Length == 0 ? run : JoinedMark + run);
            }
        }

        tokens.Remove(string.Empty);
        return [.. tokens];
    }

    /// <summary>
    /// A search text as <see cref="Tokens"/> can be matched against: each word folded on its own,
    /// and the whole text folded as one word (so that "Ben Ali" finds "Benali", whose one word is
    /// benali, and "Benali" finds "Ben Ali" through ~benali). No words when the text has no letter or digit.
    /// </summary>
    public static (IReadOnlyList<string> Words, string Whole) SearchTerms(string? text)
    {
        var words = Words(text);
        var folded = words.Select(Transliterations).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return (folded, Transliterations(string.Concat(words)));
    }

    /// <summary>
    /// The name's words after the first round of folds, each on its own: marks, tatweel and hamza
    /// dropped, ٱ ة ى folded, lower case, the Latin article dropped, ou/w → u, sh → ch, doubled letters once.
    /// </summary>
    private static List<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        // Decomposition splits أ إ آ ؤ ئ into their carrier and a combining hamza or madda, and
        // accented Latin letters into letter and accent: dropping the marks folds them all.
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var tokens = new List<StringBuilder>();
        StringBuilder? token = null;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is Tatweel or Hamza)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                token = null;
                continue;
            }

            if (token is null)
            {
                token = new StringBuilder();
                tokens.Add(token);
            }

            token.Append(Fold(c));
        }

        return [.. tokens
            .Select(t => t.ToString())
            .Where(w => w is not ("el" or "al"))
            .Select(w => WithoutDoubledLetters(w.Replace("ou", "u", StringComparison.Ordinal).Replace('w', 'u').Replace("sh", "ch", StringComparison.Ordinal)))];
    }

    /// <summary>
    /// The second round of Latin folds, on the whole key: o → u, y → i, dj → j, q → k, ph → f,
    /// ck → k, c before e or i → s, a letter doubled across the words once, and abd with its
    /// article (abdel, abdal, abdul) → abd. It works on the key alone, never on the words, so the
    /// migration that introduced it (Duplicates) re-keyed the stored names in SQL with the same
    /// steps. A change here needs such a migration too.
    /// </summary>
    private static string Transliterations(string key)
    {
        var folded = key
            .Replace('o', 'u')
            .Replace('y', 'i')
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace('q', 'k')
            .Replace("ph", "f", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal)
            .Replace("ce", "se", StringComparison.Ordinal)
            .Replace("ci", "si", StringComparison.Ordinal);
        return WithoutDoubledLetters(folded)
            .Replace("abdel", "abd", StringComparison.Ordinal)
            .Replace("abdal", "abd", StringComparison.Ordinal)
            .Replace("abdul", "abd", StringComparison.Ordinal);
    }

    private static char Fold(char c) => c switch
    {
        '\u0671' => '\u0627', // ٱ alef wasla → ا
        '\u0629' => '\u0647', // ة ta marbuta → ه
        '\u0649' => '\u064A', // ى alef maqsura → ي
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// A letter doubled once, a digit never: a doubled letter is a spelling (Bennani, Benani), a
    /// doubled digit is another number (ODCO-4566 is not ODCO-456).
    /// </summary>
    private static string WithoutDoubledLetters(string key)
    {
        var result = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (i == 0 || key[i] != key[i - 1] || !char.IsLetter(key[i]))
            {
                result.Append(key[i]);
            }
        }

        return result.ToString();
    }
}
