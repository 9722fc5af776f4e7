using System.Text.RegularExpressions;

namespace Applicants.Domain.Persons;

/// <summary>
/// A national identity card number (carte d'identité nationale): one or two letters, then digits
/// (<c>AB123456</c>, <c>K45871</c>). Stored upper-case without spaces, so that one card is one key.
/// </summary>
public readonly partial record struct Cin
{
    /// <summary>One or two letters then one to eight digits, once spaces are removed and letters upper-cased.</summary>
    public const string Pattern = "^[A-Za-z]{1,2}[0-9]{1,8}$";

    private Cin(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Cin cin)
    {
        var compact = text is null ? string.Empty : string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (!Shape().IsMatch(compact))
        {
            cin = default;
            return false;
        }

        cin = new Cin(compact.ToUpperInvariant());
        return true;
    }

    public static Cin Parse(string? text) =>
        TryParse(text, out var cin) ? cin : throw new FormatException("A CIN is one or two letters followed by digits (e.g. AB123456).");

    /// <summary>Whether the text, as a caller typed it, is a CIN.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _);

    public override string ToString() => Value;

    [GeneratedRegex(Pattern)]
    private static partial Regex Shape();
}
