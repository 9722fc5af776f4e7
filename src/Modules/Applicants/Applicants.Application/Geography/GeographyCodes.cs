namespace Applicants.Application.Geography;

/// <summary>The shapes of HCP codes, for validators and the API reference.</summary>
internal static class GeographyCodes
{
    /// <summary>A region: two digits (01–12).</summary>
    public const string RegionPattern = @"^\d{2}$";

    /// <summary>A commune: region.province.cercle.commune, e.g. 03.531.01.01 (six cities end in a one-digit .0).</summary>
    public const string CommunePattern = @"^\d{2}\.\d{3}\.\d{2}\.\d{1,2}$";
}
