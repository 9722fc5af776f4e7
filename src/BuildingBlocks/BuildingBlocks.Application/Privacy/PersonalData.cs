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
}
