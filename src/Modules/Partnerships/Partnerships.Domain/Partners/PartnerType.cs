namespace Partnerships.Domain.Partners;

/// <summary>The kinds of organisation the agency signs conventions with.</summary>
public enum PartnerType
{
    /// <summary>A public agency or a ministry's delegation (ANAPEC, ODCO, HCAR…).</summary>
    PublicAgency,

    /// <summary>A regional council or a commune (a provincial council is <see cref="ProvincialCouncil"/>).</summary>
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

    // Added after the first release: new names go at the end, and stored names never change
    // (the column holds the name, so a rename would need a data migration).

    /// <summary>A provincial or prefectural council (the Nador provincial council).</summary>
    ProvincialCouncil,

    /// <summary>A federation or union of cooperatives or of associations.</summary>
    Federation,

    /// <summary>An organisation that incubates projects and accompanies their holders through every phase (the Association of Very Small Enterprises in Nador).</summary>
    SocialIncubator,
}
