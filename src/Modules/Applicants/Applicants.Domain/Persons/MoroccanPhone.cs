namespace Applicants.Domain.Persons;

/// <summary>
/// A Moroccan telephone number in international form, <c>+212</c> and nine digits starting with
/// 5 (fixed), 6 or 7 (mobile) or 8 (VoIP): <c>06 61 23 45 67</c>, <c>+212 661-234567</c> and
/// <c>00212661234567</c> are all <c>+212661234567</c>.
/// </summary>
public readonly record struct MoroccanPhone
{
    private MoroccanPhone(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out MoroccanPhone phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var international = trimmed.StartsWith('+');
        var digits = new List<char>(16);
        foreach (var c in international ? trimmed[1..] : trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        var number = new string([.. digits]);
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            number = number[2..];
            international = true;
        }

        string national;
        if (international || (number.Length == 12 && number.StartsWith("212", StringComparison.Ordinal)))
        {
            if (!number.StartsWith("212", StringComparison.Ordinal))
            {
                return false;
            }

            national = number[3..];
            // "+212 (0)6…": the trunk zero written after the country code.
            if (national.Length == 10 && national[0] == '0')
            {
                national = national[1..];
            }
        }
        else if (number.Length == 10 && number[0] == '0')
        {
            national = number[1..];
        }
        else
        {
            return false;
        }

        if (national.Length != 9 || national[0] is < '5' or > '8')
        {
            return false;
        }

        phone = new MoroccanPhone("+212" + national);
        return true;
    }

    public static MoroccanPhone Parse(string? text) =>
        TryParse(text, out var phone) ? phone : throw new FormatException("Not a Moroccan telephone number (e.g. 0661234567 or +212661234567).");

    public static bool IsValid(string? text) => TryParse(text, out _);

    public override string ToString() => Value;
}
