using System.Linq.Expressions;

namespace BuildingBlocks.Application.Security;

/// <summary>
/// What part of the country a caller may read and change. The single place where the Officer's
/// province rule is decided; persistence applies it to every <c>IProvinceScoped</c> record.
/// </summary>
public sealed class ProvinceAccess
{
    public static readonly ProvinceAccess Everything = new(true, []);
    public static readonly ProvinceAccess Nothing = new(false, []);

    private readonly string[] _listed;

    public ProvinceAccess(bool all, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        All = all;
        Codes = new HashSet<string>(codes, StringComparer.Ordinal);
        _listed = [.. Codes];
    }

    /// <summary>
    /// The read rule, written once as an expression: the persistence layer's query filter is this
    /// expression (EF translates it to SQL), and <see cref="CanRead"/> runs its compiled form, so
    /// the two cannot drift apart. National records (no province) are visible to every staff member.
    /// </summary>
    public static Expression<Func<ProvinceAccess, string?, bool>> ReadRule { get; } =
        (access, provinceCode) => access.All || provinceCode == null || access.Listed.Contains(provinceCode);

    private static readonly Func<ProvinceAccess, string?, bool> Read = ReadRule.Compile();

    public bool All { get; }

    public IReadOnlySet<string> Codes { get; }

    /// <summary>The caller's provinces as a list, the shape EF sends to PostgreSQL as an array parameter.</summary>
    public IReadOnlyList<string> Listed => _listed;

    public static ProvinceAccess For(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Kind switch
        {
            CallerKind.System => Everything,
            CallerKind.Staff when Roles.Nationwide.Any(user.IsInRole) => Everything,
            CallerKind.Staff => new ProvinceAccess(false, user.Provinces),
            // A partner system writes only through its referrals, in the provinces where the
            // partner acts; what it reads is narrowed further by its own id in every partner query.
            CallerKind.Partner when user.IsNationalPartner => Everything,
            CallerKind.Partner => new ProvinceAccess(false, user.Provinces),
            _ => Nothing,
        };
    }

    /// <summary>Reading: <see cref="ReadRule"/>.</summary>
    public bool CanRead(string? provinceCode) => Read(this, provinceCode);

    /// <summary>Changing: only records of one's own provinces; national ones need a nationwide role.</summary>
    public bool CanWrite(string? provinceCode) => All || (provinceCode is not null && Codes.Contains(provinceCode));
}
