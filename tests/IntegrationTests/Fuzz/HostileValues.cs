using System.Text;

namespace IntegrationTests.Fuzz;

/// <summary>
/// What a hostile or careless client sends in place of a valid value: text PostgreSQL cannot
/// store, text that is legitimate but unusual (Arabic with bidirectional and zero-width marks),
/// numbers and dates at the extremes of their types, the wrong JSON type, and other callers' ids.
/// </summary>
internal static class HostileValues
{
    /// <summary>Legitimate Arabic text with right-to-left and zero-width marks: must never be refused as unstorable.</summary>
    public const string ArabicWithMarks = "\u200F\u202Bجمعية\u200C النور\u200D\u202C";

    /// <summary>Raw JSON fragments, each put in place of one property of a valid body.</summary>
    public static IEnumerable<(string Label, string Json)> ForBody(string randomId, string? foreignId)
    {
        yield return ("NUL", "\"a\\u0000b\"");
        yield return ("SOH", "\"\\u0001\"");
        yield return ("unit separator", "\"x\\u001Fy\"");
        yield return ("backspace and form feed", "\"a\\b\\fb\"");
        yield return ("tab and new lines", "\"a\\tb\\r\\nc\"");
        yield return ("lone high surrogate", "\"a\\uD800b\"");
        yield return ("lone low surrogate", "\"\\uDC00\"");
        yield return ("RTL and zero-width marks", $"\"{ArabicWithMarks}\"");
        yield return ("over-long string", $"\"{new string('x', 10_000)}\"");
        yield return ("empty string", "\"\"");
        yield return ("blank string", "\"   \"");
        yield return ("SQL", "\"' OR 1=1 --\"");
        yield return ("null", "null");
        yield return ("true", "true");
        yield return ("empty array", "[]");
        yield return ("array for a scalar", "[\"x\"]");
        yield return ("object", "{\"a\":1}");
        yield return ("zero", "0");
        yield return ("-1", "-1");
        yield return ("int max", "2147483647");
        yield return ("int max + 1", "2147483648");
        yield return ("uint max", "4294967295");
        yield return ("int min - 1", "-2147483649");
        yield return ("long max", "9223372036854775807");
        yield return ("1e400", "1e400");
        yield return ("-1e400", "-1e400");
        yield return ("exponent", "1e3");
        yield return ("fraction", "1.5");
        yield return ("more digits than decimal holds", "123456789012345678901234567890.1234567890");
        yield return ("year 1", "\"0001-01-01\"");
        yield return ("instant year 1", "\"0001-01-01T00:00:00Z\"");
        yield return ("year 9999", "\"9999-12-31T23:59:59\"");
        yield return ("instant year 9999", "\"9999-12-31T23:59:59+14:00\"");
        yield return ("impossible date", "\"2026-02-30\"");
        yield return ("random id", $"\"{randomId}\"");
        if (foreignId is not null)
        {
            yield return ("another province's id", $"\"{foreignId}\"");
        }
    }

    /// <summary>Values for query-string, route and header parameters, already percent-encoded where they go in the URL.</summary>
    public static IEnumerable<(string Label, string Value)> ForUrl(string randomId, string? foreignId)
    {
        yield return ("NUL", "a\0b");
        yield return ("SOH", "\u0001");
        yield return ("unit separator", "x\u001Fy");
        yield return ("new line", "a\nb");
        yield return ("lone high surrogate", "a\uD800b");
        yield return ("RTL and zero-width marks", ArabicWithMarks);
        yield return ("over-long string", new string('x', 5_000));
        yield return ("empty", string.Empty);
        yield return ("percent", "%");
        yield return ("zero", "0");
        yield return ("-1", "-1");
        yield return ("int min", "-2147483648");
        yield return ("int max", "2147483647");
        yield return ("int max + 1", "2147483648");
        yield return ("uint max", "4294967295");
        yield return ("20 digits", "99999999999999999999");
        yield return ("exponent", "1e3");
        yield return ("year 1", "0001-01-01");
        yield return ("year 9999", "9999-12-31T23:59:59");
        yield return ("random id", randomId);
        if (foreignId is not null)
        {
            yield return ("another province's id", foreignId);
        }
    }

    /// <summary>
    /// Percent-encodes as a client's bytes would go on the wire; a lone surrogate becomes the
    /// three bytes a careless encoder writes for it (invalid UTF-8), which is what the server sees.
    /// </summary>
    public static string UrlEncode(string value)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value.Substring(i, 2)));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                bytes.Add((byte)(0xE0 | (c >> 12)));
                bytes.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        var encoded = new StringBuilder();
        foreach (var b in bytes)
        {
            var ch = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' or '~'))
            {
                encoded.Append(ch);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
