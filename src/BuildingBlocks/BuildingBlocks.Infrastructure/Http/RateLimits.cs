namespace BuildingBlocks.Infrastructure.Http;

/// <summary>Names of the rate-limiting policies (ASP.NET Core's limiter).</summary>
public static class RateLimits
{
    /// <summary>Login attempts per client address.</summary>
    public const string Login = "login";
}

/// <summary>Configuration section <c>Http</c>.</summary>
public sealed class HttpLimitsOptions
{
    public const string Section = "Http";

    /// <summary>The largest request body accepted, in bytes (1 MiB by default).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per minute for one caller (staff account, partner key, or address when anonymous).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    public int LoginAttemptsPerMinute { get; set; } = 20;
}
