namespace BuildingBlocks.Infrastructure.Security;

/// <summary>Claim and scheme names used in tokens and principals.</summary>
public static class AuthNames
{
    public const string KindClaim = "kind";
    public const string RoleClaim = "role";
    public const string ProvinceClaim = "province";
    public const string PartnerClaim = "partner_id";
    public const string ApiKeyClaim = "key_id";
    public const string ScopeClaim = "scope";
    public const string SubjectClaim = "sub";
    public const string NationwideClaim = "nationwide";

    public const string StaffKind = "staff";
    public const string PartnerKind = "partner";

    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string DashboardScheme = "Dashboard";
    public const string SmartScheme = "BearerOrApiKey";

    public const string StaffPolicy = "Staff";
    public const string PartnerPolicy = "Partner";
    public const string AdminPolicy = "Admin";
}
