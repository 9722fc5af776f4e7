namespace BuildingBlocks.Application.Security;

/// <summary>The scopes a partner's key may carry; each partner endpoint, in whichever module, names the one it needs.</summary>
public static class ApiKeyScopes
{
    public const string ReferralsWrite = "referrals:write";
    public const string StatusRead = "status:read";
    public const string WebhooksManage = "webhooks:manage";

    public static readonly IReadOnlyList<string> All = [ReferralsWrite, StatusRead, WebhooksManage];

    public const string Pattern = "^(referrals:write|status:read|webhooks:manage)$";
}
