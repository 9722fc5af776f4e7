using BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>The titles and sentences of problem documents, in Arabic, French and English.</summary>
public static class ProblemTexts
{
    public static readonly LocalizedText InvalidValue = new(
        "The value is not valid for this field (wrong type, format or unknown value).",
        "La valeur n'est pas valide pour ce champ (type, format ou valeur inconnue).",
        "القيمة غير صالحة لهذا الحقل (نوع أو صيغة أو قيمة غير معروفة).");

    public static readonly LocalizedText UnstorableText = new(
        "The text contains a control character or an invalid character (NUL, an unpaired surrogate...); remove it and send again.",
        "Le texte contient un caractère de contrôle ou un caractère invalide (NUL, surrogate isolé...) ; retirez-le et renvoyez.",
        "يحتوي النص على حرف تحكم أو حرف غير صالح (NUL، نصف زوج بديل...)؛ احذفه ثم أعد الإرسال.");

    public static readonly LocalizedText MalformedBody = new(
        "The request body is not valid JSON.",
        "Le corps de la requête n'est pas un JSON valide.",
        "محتوى الطلب ليس بصيغة JSON صحيحة.");

    public static readonly LocalizedText MissingBody = new(
        "A request body is required.",
        "Un corps de requête est requis.",
        "محتوى الطلب مطلوب.");

    public static readonly LocalizedText StaleVersion = new(
        "Somebody changed this record since you read it; read it again and repeat your change.",
        "Quelqu'un a modifié cet enregistrement depuis votre lecture ; relisez-le et refaites votre modification.",
        "قام شخص آخر بتعديل هذا السجل منذ قراءتك له؛ أعد قراءته ثم أعد تعديلك.");

    public static readonly LocalizedText Duplicate = new(
        "A record with the same identifying values already exists.",
        "Un enregistrement avec les mêmes valeurs d'identification existe déjà.",
        "يوجد سجل بنفس القيم التعريفية.");

    public static readonly LocalizedText OutsideProvinces = new(
        "This record belongs to a province you do not work on, or your role may not change it.",
        "Cet enregistrement relève d'une province qui n'est pas la vôtre, ou votre rôle ne permet pas de le modifier.",
        "هذا السجل تابع لإقليم لا تشتغل عليه، أو أن دورك لا يسمح بتعديله.");

    public static readonly LocalizedText Unavailable = new(
        "The service is briefly unavailable; try again in a few seconds.",
        "Le service est momentanément indisponible ; réessayez dans quelques secondes.",
        "الخدمة غير متاحة مؤقتا؛ أعد المحاولة بعد بضع ثوان.");

    private static readonly Dictionary<int, LocalizedText> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = new("The request is not valid.", "La requête n'est pas valide.", "الطلب غير صالح."),
        [StatusCodes.Status401Unauthorized] = new("Authentication is required.", "Une authentification est requise.", "المصادقة مطلوبة."),
        [StatusCodes.Status403Forbidden] = new("You may not do this.", "Vous n'avez pas le droit de faire ceci.", "لا يحق لك القيام بهذا."),
        [StatusCodes.Status404NotFound] = new("Not found.", "Introuvable.", "غير موجود."),
        [StatusCodes.Status405MethodNotAllowed] = new("Method not allowed.", "Méthode non autorisée.", "الطريقة غير مسموح بها."),
        [StatusCodes.Status409Conflict] = new("Conflict with the current state.", "Conflit avec l'état actuel.", "تعارض مع الحالة الحالية."),
        [StatusCodes.Status413PayloadTooLarge] = new("The request body is too large.", "Le corps de la requête est trop volumineux.", "محتوى الطلب كبير جدا."),
        [StatusCodes.Status415UnsupportedMediaType] = new("The body is not in a media type this operation takes (application/json unless its description says otherwise).", "Le corps n'est pas dans un format que cette opération accepte (application/json sauf mention contraire dans sa description).", "المحتوى ليس بصيغة تقبلها هذه العملية (application/json ما لم يذكر وصفها غير ذلك)."),
        [StatusCodes.Status422UnprocessableEntity] = new("A business rule forbids this.", "Une règle métier l'interdit.", "قاعدة من قواعد التدبير تمنع ذلك."),
        [StatusCodes.Status428PreconditionRequired] = new("A precondition is required.", "Une précondition est requise.", "شرط مسبق مطلوب."),
        [StatusCodes.Status429TooManyRequests] = new("Too many requests; slow down.", "Trop de requêtes ; ralentissez.", "طلبات كثيرة جدا؛ تمهل."),
        [StatusCodes.Status500InternalServerError] = new("An unexpected error occurred.", "Une erreur inattendue s'est produite.", "حدث خطأ غير متوقع."),
        [StatusCodes.Status503ServiceUnavailable] = new("Service unavailable.", "Service indisponible.", "الخدمة غير متاحة."),
    };

    public static string Title(int status) =>
        Titles.TryGetValue(status, out var title) ? title.ToString() : Titles[StatusCodes.Status400BadRequest].ToString();
}
