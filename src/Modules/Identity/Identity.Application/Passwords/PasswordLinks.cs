using BuildingBlocks.Application.Email;
using Identity.Application.Accounts;

namespace Identity.Application.Passwords;

public enum PasswordLinkKind
{
    /// <summary>A new account: choose your first password.</summary>
    Welcome,

    /// <summary>A forgotten password: choose a new one.</summary>
    Reset,
}

/// <summary>Where the emailed link points (the front end's page that asks for the new password).</summary>
public sealed class PasswordLinkOptions
{
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080/set-password";
}

/// <summary>
/// Emails a one-time, expiring token to set a password, in the account's language. The token
/// dies when the password changes (it is bound to the account's security stamp) or when it expires.
/// </summary>
public sealed class PasswordLinks(IStaffAccounts accounts, IEmailSender email, Microsoft.Extensions.Options.IOptions<PasswordLinkOptions> options)
{
    public async Task SendAsync(Guid accountId, string address, string? name, string language, PasswordLinkKind kind, CancellationToken cancellationToken)
    {
        var token = await accounts.IssuePasswordTokenAsync(accountId, cancellationToken);
        var link = $"{options.Value.BaseUrl}?email={Uri.EscapeDataString(address)}&token={Uri.EscapeDataString(token)}";
        var (subject, body) = Texts(kind, language, name, address, token, link);
        await email.SendAsync(
            new EmailMessage(address, name, subject, body, $"password-{kind.ToString().ToLowerInvariant()}:{accountId}:{Guid.NewGuid():N}", Language: language),
            cancellationToken);
    }

    private static (string Subject, string Body) Texts(PasswordLinkKind kind, string language, string? name, string address, string token, string link)
    {
        var welcome = kind == PasswordLinkKind.Welcome;
        return language switch
        {
            "ar" => (
                welcome ? "حسابك في برامج الأنشطة المدرة للدخل" : "إعادة تعيين كلمة المرور",
                $"مرحبا {name},\n\n{(welcome ? "أنشئ لك حساب." : "طلبت إعادة تعيين كلمة المرور.")} اختر كلمة مرور عبر هذا الرابط (صالح لمرة واحدة ولمدة محدودة):\n{link}\n\nأو أرسل إلى POST /api/v1/auth/password-reset/confirm: البريد {address} والرمز:\n{token}\n"),
            "en" => (
                welcome ? "Your account for the AGR programmes" : "Resetting your password",
                $"Hello {name},\n\n{(welcome ? "An account was created for you." : "You asked to reset your password.")} Choose a password through this link (it works once, for a limited time):\n{link}\n\nor send to POST /api/v1/auth/password-reset/confirm the email {address} and the token:\n{token}\n"),
            _ => (
                welcome ? "Votre compte pour les programmes AGR" : "Réinitialisation de votre mot de passe",
                $"Bonjour {name},\n\n{(welcome ? "Un compte a été créé pour vous." : "Vous avez demandé à réinitialiser votre mot de passe.")} Choisissez un mot de passe par ce lien (valable une fois, pour une durée limitée) :\n{link}\n\nou envoyez à POST /api/v1/auth/password-reset/confirm l'adresse {address} et le jeton :\n{token}\n"),
        };
    }
}
