using BuildingBlocks.Domain;

namespace Identity.Application.Accounts;

/// <summary>What staff administration says to people, in the agency's three languages.</summary>
public static class AccountTexts
{
    public static readonly LocalizedText OfficerNeedsProvince = new(
        "An Officer works on at least one province.",
        "Un agent (Officer) travaille sur au moins une province.",
        "يعمل المكلف (Officer) في إقليم واحد على الأقل.");

    public static readonly LocalizedText UnknownProvince = new(
        "This province or prefecture code is not in the reference geography.",
        "Ce code de province ou de préfecture n'existe pas dans la géographie de référence.",
        "رمز الإقليم أو العمالة هذا غير موجود في الجغرافيا المرجعية.");

    public static readonly LocalizedText EmailTaken = new(
        "Another staff account already uses this email address.",
        "Un autre compte du personnel utilise déjà cette adresse e-mail.",
        "حساب آخر للموظفين يستعمل هذا البريد الإلكتروني.");

    public static readonly LocalizedText LastAdmin = new(
        "This is the last active administrator: make another account Admin first.",
        "C'est le dernier administrateur actif : nommez d'abord un autre compte Admin.",
        "هذا آخر مسؤول نشط: اجعل حسابا آخر مسؤولا (Admin) أولا.");
}
