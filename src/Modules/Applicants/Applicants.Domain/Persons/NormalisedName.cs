using System.Globalization;
using System.Text;

namespace Applicants.Domain.Persons;

/// <summary>
/// A name folded so that the spellings of one name compare equal, the key duplicate detection and
/// name search work on. Arabic: alef forms (أ إ آ ٱ → ا), hamza on its carriers (ؤ → و, ئ → ي,
/// ء dropped), ta marbuta (ة → ه), alef maqsura (ى → ي), tatweel and diacritics dropped. Latin:
/// case and accents dropped, the article (el, al) dropped when written apart, ou and w → u,
/// sh → ch, then o → u, y → i, dj → j, q → k, ph → f, ck → k, c before e or i → s, and abdel,
/// abdal, abdul → abd. Both: a letter doubled counts once, and spaces, hyphens and apostrophes vanish, so
/// "Ben Ali" is "Benali" and "عبد الله" is "عبدالله". What remains different (سعيد and سعد,
/// Fatima and Fatiha) is left to similarity, never folded.
/// </summary>
public static class NormalisedName
{
    private const char Tatweel = '\u0640';
    private const char Hamza = '\u0621';

    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
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

        var key = string.Concat(tokens
            .Select(t => t.ToString())
            .Where(w => w is not ("el" or "al"))
            .Select(w => WithoutDoubledLetters(w.Replace("ou", "u", StringComparison.Ordinal).Replace('w', 'u').Replace("sh", "ch", StringComparison.Ordinal))));
        return Transliterations(key);
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

    private static string WithoutDoubledLetters(string key)
    {
        var result = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (i == 0 || key[i] != key[i - 1])
            {
                result.Append(key[i]);
            }
        }

        return result.ToString();
    }
}
