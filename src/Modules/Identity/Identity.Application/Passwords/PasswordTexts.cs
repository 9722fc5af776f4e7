using BuildingBlocks.Domain;

namespace Identity.Application.Passwords;

internal static class PasswordTexts
{
    public static readonly LocalizedText InvalidLink = new(
        "This link is wrong, already used or expired: ask for a new one.",
        "Ce lien est erroné, déjà utilisé ou expiré : demandez-en un nouveau.",
        "هذا الرابط خاطئ أو مستعمل أو منتهي الصلاحية: اطلب رابطا جديدا.");

    public static readonly LocalizedText WrongCurrentPassword = new(
        "The current password is wrong.",
        "Le mot de passe actuel est incorrect.",
        "كلمة المرور الحالية غير صحيحة.");
}
