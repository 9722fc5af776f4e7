namespace BuildingBlocks.Application.Security;

/// <summary>
/// What part of the country a caller may read and change. The single place where the Officer's
/// province rule is decided; persistence applies it to every <c>IProvinceScoped</c> record.
/// </summary>
public sealed record ProvinceAccess(bool All, IReadOnlySet<string> Codes)
{
    public static readonly ProvinceAccess Everything = new(true, new HashSet<string>());
    public static readonly ProvinceAccess Nothing = new(false, new HashSet<string>());

    public static ProvinceAccess For(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Kind switch
        {
            CallerKind.System => Everything,
            CallerKind.Staff when Roles.Nationwide.Any(user.IsInRole) => Everything,
            CallerKind.Staff => new ProvinceAccess(false, new HashSet<string>(user.Provinces, StringComparer.Ordinal)),
            _ => Nothing,
        };
    }

    /// <summary>Reading: national records (no province) are visible to every staff member.</summary>
    public bool CanRead(string? provinceCode) => All || provinceCode is null || Codes.Contains(provinceCode);

    /// <summary>Changing: only records of one's own provinces; national ones need a nationwide role.</summary>
    public bool CanWrite(string? provinceCode) => All || (provinceCode is not null && Codes.Contains(provinceCode));
}
