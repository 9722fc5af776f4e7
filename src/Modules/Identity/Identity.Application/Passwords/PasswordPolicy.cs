using System.Reflection;
using BuildingBlocks.Domain;
using FluentValidation;
using FluentValidation.Results;

namespace Identity.Application.Passwords;

/// <summary>
/// What a password must be (NIST SP 800-63B's advice, rather than composition rules): 10 to 128
/// characters, not the account's email or its name part, and not among the commonest passwords
/// (the list shipped in <c>Passwords/common-passwords.txt</c>, compared ignoring case).
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static readonly LocalizedText IsEmail = new(
        "The password must not be the email address or contain its name part.",
        "Le mot de passe ne doit pas être l'adresse e-mail ni en contenir le nom.",
        "يجب ألا تكون كلمة المرور هي البريد الإلكتروني أو تتضمن اسمه.");

    public static readonly LocalizedText IsCommon = new(
        "This password is among the most common ones: choose another.",
        "Ce mot de passe fait partie des plus courants : choisissez-en un autre.",
        "كلمة المرور هذه من بين الأكثر شيوعا: اختر غيرها.");

    public static int CommonCount => Common.Value.Count;

    /// <summary>Refuses, as a 400 on <paramref name="field"/>, a password the policy does not allow for this email.</summary>
    public static void Check(string password, string email, string field)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(email);
        var local = email.Split('@')[0];
        if (password.Equals(email, StringComparison.OrdinalIgnoreCase)
            || (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase)))
        {
            throw Refused(field, IsEmail);
        }

        if (Common.Value.Contains(password))
        {
            throw Refused(field, IsCommon);
        }
    }

    private static ValidationException Refused(string field, LocalizedText text) =>
        new([new ValidationFailure(field, text.ToString())]);

    private static HashSet<string> Load()
    {
        var assembly = typeof(PasswordPolicy).Assembly;
        using var stream = assembly.GetManifestResourceStream("Identity.Application.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}

/// <summary>The length rule, shared by every request that carries a new password; the API reference shows it.</summary>
internal static class PasswordRules
{
    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MinimumLength(PasswordPolicy.MinimumLength).MaximumLength(PasswordPolicy.MaximumLength);
}
