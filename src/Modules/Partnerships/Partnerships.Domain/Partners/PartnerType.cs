namespace Partnerships.Domain.Partners;

/// <summary>The kinds of organisation the agency signs conventions with.</summary>
public enum PartnerType
{
    /// <summary>A public agency or a ministry's delegation (ANAPEC, ODCO, HCAR…).</summary>
    PublicAgency,

    /// <summary>A provincial or regional council, a commune.</summary>
    LocalAuthority,

    /// <summary>An association under the 1958 dahir on associations.</summary>
    Association,

    /// <summary>A cooperative registered with ODCO.</summary>
    Cooperative,

    /// <summary>A bank.</summary>
    Bank,

    /// <summary>A microcredit association (Al Amana, Attawfiq…).</summary>
    MicrocreditInstitution,

    /// <summary>ILO, UNDP and the like.</summary>
    InternationalOrganisation,

    /// <summary>A company.</summary>
    PrivateCompany,

    /// <summary>Anything else.</summary>
    Other,
}
