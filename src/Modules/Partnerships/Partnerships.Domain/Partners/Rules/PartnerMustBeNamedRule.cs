using BuildingBlocks.Domain;

namespace Partnerships.Domain.Partners.Rules;

/// <summary>A partner is known by a name in Latin letters, in Arabic, or both — never by neither.</summary>
public sealed class PartnerMustBeNamedRule(string? name, string? nameAr) : IBusinessRule
{
    public string Code => "partner.must-be-named";

    public LocalizedText Message => new(
        "A partner needs a name in Latin letters or in Arabic.",
        "Un partenaire doit avoir un nom en lettres latines ou en arabe.",
        "يجب أن يكون للشريك اسم بالحروف اللاتينية أو بالعربية.");

    public bool IsBroken() => string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(nameAr);
}
