using System.Globalization;

namespace BuildingBlocks.Domain;

/// <summary>
/// A sentence shown to a person, in the three languages the agency works in. The caller's
/// language is chosen from the current UI culture (Accept-Language); French is the default.
/// </summary>
public sealed record LocalizedText(string En, string Fr, string Ar)
{
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName switch
        {
            "ar" => Ar,
            "en" => En,
            _ => Fr,
        };
    }

    public override string ToString() => In(CultureInfo.CurrentUICulture);
}
