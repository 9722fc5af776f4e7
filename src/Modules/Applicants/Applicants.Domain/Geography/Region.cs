namespace Applicants.Domain.Geography;

/// <summary>
/// One of Morocco's twelve regions (2015 division), by its HCP code (<c>01</c>–<c>12</c>). Reference
/// data: seeded with the schema from HCP's files, never changed by a request.
/// </summary>
public sealed class Region
{
    private Region()
    {
        Code = NameFr = NameAr = string.Empty;
    }

    public Region(string code, string nameFr, string nameAr)
    {
        Code = code;
        NameFr = nameFr;
        NameAr = nameAr;
    }

    public string Code { get; private set; }

    public string NameFr { get; private set; }

    public string NameAr { get; private set; }
}

/// <summary>A province, or a prefecture (an urban province), by its HCP code <c>RR.PPP</c> (e.g. <c>03.531</c>, Taounate).</summary>
public sealed class Province
{
    private Province()
    {
        Code = RegionCode = NameFr = NameAr = string.Empty;
    }

    public Province(string code, string regionCode, ProvinceKind kind, string nameFr, string nameAr)
    {
        Code = code;
        RegionCode = regionCode;
        Kind = kind;
        NameFr = nameFr;
        NameAr = nameAr;
    }

    public string Code { get; private set; }

    public string RegionCode { get; private set; }

    public ProvinceKind Kind { get; private set; }

    public string NameFr { get; private set; }

    public string NameAr { get; private set; }
}

/// <summary>
/// A commune by its HCP (RGPH 2024) code <c>RR.PPP.CC.NN</c>: region, province, cercle, commune;
/// cercle <c>01</c> holds the urban communes. Its first six characters are its province's code.
/// Seeded with the schema; an Admin adds or corrects communes later by importing HCP's newer file.
/// </summary>
public sealed class Commune
{
    private Commune()
    {
        Code = ProvinceCode = NameFr = NameAr = string.Empty;
    }

    public Commune(string code, string provinceCode, CommuneKind kind, string nameFr, string nameAr)
    {
        Code = code;
        ProvinceCode = provinceCode;
        Kind = kind;
        NameFr = nameFr;
        NameAr = nameAr;
    }

    public string Code { get; private set; }

    public string ProvinceCode { get; private set; }

    public CommuneKind Kind { get; private set; }

    public string NameFr { get; private set; }

    public string NameAr { get; private set; }

    /// <summary>
    /// Takes HCP's newer kind and names (a rural commune made a municipality, a spelling fixed);
    /// answers whether anything changed. The code never changes: persons and projects refer to it.
    /// </summary>
    public bool Correct(CommuneKind kind, string nameFr, string nameAr)
    {
        if (Kind == kind && NameFr == nameFr && NameAr == nameAr)
        {
            return false;
        }

        Kind = kind;
        NameFr = nameFr;
        NameAr = nameAr;
        return true;
    }
}

/// <summary>How the State administers a province-level division.</summary>
public enum ProvinceKind
{
    /// <summary>A province, mostly rural.</summary>
    Province,

    /// <summary>A prefecture: the province-level division of a large city (Casablanca, Rabat, Fès…).</summary>
    Prefecture,
}

/// <summary>Whether a commune is a municipality (urban) or a rural commune, as in the RGPH 2024.</summary>
public enum CommuneKind
{
    /// <summary>A municipality.</summary>
    Urban,

    /// <summary>A rural commune.</summary>
    Rural,
}
