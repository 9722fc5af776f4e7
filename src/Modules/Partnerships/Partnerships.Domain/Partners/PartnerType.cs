namespace Partnerships.Domain.Partners;

/// <summary>The kinds of organisation the agency signs conventions with.</summary>
public enum PartnerType
{
    /// <summary>A public agency or a ministry's delegation (ANAPEC, ODCO, HCAR…).</summary>
    PublicAgency,

    /// <summary>A provincial or regional council, a commune.</summary>
    LocalAuthority,

    Association,
    Cooperative,
    Bank,
    MicrocreditInstitution,

    /// <summary>ILO, UNDP and the like.</summary>
    InternationalOrganisation,

    PrivateCompany,
    Other,
}
