namespace Applicants.Application.Imports;

/// <summary>An enum value written in a file by its name, any case; a number is not a name (Enum.TryParse would take "3").</summary>
internal static class EnumText
{
    public static T? Parse<T>(string? text)
        where T : struct, Enum =>
        text?.Trim() is { Length: > 0 } name && !char.IsDigit(name[0]) && name[0] != '-'
            && Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}
