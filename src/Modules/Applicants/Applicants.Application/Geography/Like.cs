namespace Applicants.Application.Geography;

/// <summary>Text searched with LIKE: its wildcards are escaped, so that a user's % or _ is a character.</summary>
internal static class Like
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
