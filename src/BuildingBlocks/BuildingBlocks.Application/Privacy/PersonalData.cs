namespace BuildingBlocks.Application.Privacy;

/// <summary>
/// Masks personal data before it can reach a log line (law 09-08): logs keep enough to correlate
/// (first and last characters) and nothing that identifies a person.
/// </summary>
public static class PersonalData
{
    /// <summary>
    /// The general mask used by the logging pipeline for anything classified personal: the first
    /// two and last two characters survive when there are more than six, nothing otherwise.
    /// </summary>
    public static int Mask(ReadOnlySpan<char> source, Span<char> destination)
    {
        destination = destination[..source.Length];
        destination.Fill('*');
        if (source.Length > 6)
        {
            source[..2].CopyTo(destination);
            source[^2..].CopyTo(destination[^2..]);
        }

        return source.Length;
    }

    /// <summary><c>AB123456</c> → <c>AB****56</c>.</summary>
    public static string MaskCin(string? cin)
    {
        if (string.IsNullOrWhiteSpace(cin))
        {
            return string.Empty;
        }

        var letters = cin.TakeWhile(char.IsLetter).Count();
        if (cin.Length - letters <= 2)
        {
            return new string('*', cin.Length);
        }

        return string.Concat(cin.AsSpan(0, letters), new string('*', cin.Length - letters - 2), cin.AsSpan(cin.Length - 2));
    }

    /// <summary><c>+212612345678</c> → <c>+212*******78</c>.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length <= 6)
        {
            return string.IsNullOrEmpty(phone) ? string.Empty : new string('*', phone.Length);
        }

        return string.Concat(phone.AsSpan(0, 4), new string('*', phone.Length - 6), phone.AsSpan(phone.Length - 2));
    }

    /// <summary><c>fatima.zahra@example.ma</c> → <c>f***@example.ma</c>.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }
}
