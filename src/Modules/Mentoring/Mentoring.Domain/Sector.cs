namespace Mentoring.Domain;

/// <summary>The sectors projects are financed in, as Financing names them.</summary>
public enum Sector
{
    Agriculture,
    Livestock,
    Fishing,
    Crafts,
    AgriFood,
    Commerce,
    Services,
    Tourism,
    Other,
}
