namespace Partnerships.Contracts;

/// <summary>The kinds of organisation the agency works with, as other modules see them.</summary>
public static class PartnerTypes
{
    public const string PublicAgency = nameof(PublicAgency);
    public const string LocalAuthority = nameof(LocalAuthority);
    public const string Association = nameof(Association);
    public const string Cooperative = nameof(Cooperative);
    public const string Bank = nameof(Bank);
    public const string MicrocreditInstitution = nameof(MicrocreditInstitution);
    public const string InternationalOrganisation = nameof(InternationalOrganisation);
    public const string PrivateCompany = nameof(PrivateCompany);
    public const string Other = nameof(Other);
}
