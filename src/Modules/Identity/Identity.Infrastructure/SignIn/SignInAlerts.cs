using System.Globalization;
using BuildingBlocks.Application.Email;
using BuildingBlocks.Domain;
using Identity.Infrastructure.StaffAccounts;
using Microsoft.Extensions.Logging;

namespace Identity.Infrastructure.SignIn;

/// <summary>
/// Tells a staff member, in their own language, what the sign-in answer hides from everyone else:
/// that their account is being slowed down or throttled by failed attempts, or that it is locked.
/// A failure to send never changes the sign-in's answer.
/// </summary>
internal sealed partial class SignInAlerts(IEmailSender email, TimeProvider clock, ILogger<SignInAlerts> logger)
{
    private static readonly LocalizedText ThrottledSubject = new(
        "Failed sign-ins to your account",
        "Connexions échouées sur votre compte",
        "محاولات دخول فاشلة إلى حسابك");

    private static readonly LocalizedText ThrottledBody = new(
        "Several attempts to sign in to your account with a wrong password have just failed (last one from {0}). Sign-ins to your account are now slowed down and that address is held back for a while; your account is not locked and your own password still works. If these attempts were not yours, tell your administrator.",
        "Plusieurs tentatives de connexion à votre compte avec un mauvais mot de passe viennent d'échouer (la dernière depuis {0}). Les connexions à votre compte sont désormais ralenties et cette adresse est retenue pour un moment ; votre compte n'est pas verrouillé et votre mot de passe fonctionne toujours. Si ces tentatives ne viennent pas de vous, prévenez votre administrateur.",
        "فشلت للتو عدة محاولات للدخول إلى حسابك بكلمة مرور خاطئة (آخرها من {0}). أصبح الدخول إلى حسابك أبطأ وتم إيقاف هذا العنوان لبعض الوقت؛ حسابك غير مقفل وكلمة مرورك ما زالت تعمل. إذا لم تكن هذه المحاولات منك، فأخبر المسؤول.");

    private static readonly LocalizedText LockedSubject = new(
        "Your account is locked",
        "Votre compte est verrouillé",
        "حسابك مقفل");

    private static readonly LocalizedText LockedBody = new(
        "Someone (perhaps you) just signed in to your account with the right password, but the account is locked, so the sign-in was refused. Ask your administrator to lift the lock.",
        "Quelqu'un (peut-être vous) vient de se connecter à votre compte avec le bon mot de passe, mais le compte est verrouillé : la connexion a été refusée. Demandez à votre administrateur de lever le verrou.",
        "قام شخص ما (ربما أنت) للتو بالدخول إلى حسابك بكلمة المرور الصحيحة، لكن الحساب مقفل، فرُفض الدخول. اطلب من المسؤول رفع القفل.");

    public Task ThrottledAsync(StaffUser user, string address) =>
        SendAsync(user, ThrottledSubject, ThrottledBody, address, $"signin-throttled:{user.Id}:{clock.GetUtcNow():yyyyMMddHHmm}");

    public Task LockedAsync(StaffUser user) =>
        SendAsync(user, LockedSubject, LockedBody, string.Empty, $"signin-locked:{user.Id}:{user.LockoutEnd?.UtcTicks}");

    private async Task SendAsync(StaffUser user, LocalizedText subject, LocalizedText body, string address, string deliveryKey)
    {
        if (string.IsNullOrEmpty(user.Email))
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(user.PreferredLanguage is { Length: > 0 } language ? language : "fr");
        try
        {
            await email.SendAsync(
                new EmailMessage(
                    user.Email,
                    user.DisplayName,
                    subject.In(culture),
                    string.Format(CultureInfo.InvariantCulture, body.In(culture), address),
                    deliveryKey,
                    Language: culture.TwoLetterISOLanguageName),
                CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotSent(logger, deliveryKey.Split(':')[0], e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in alert {Kind} could not be sent")]
    private static partial void LogNotSent(ILogger logger, string kind, Exception exception);
}
