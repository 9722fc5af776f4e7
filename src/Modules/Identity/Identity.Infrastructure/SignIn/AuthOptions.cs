namespace Identity.Infrastructure.SignIn;

/// <summary>Configuration section <c>Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The HMAC key that signs access tokens (at least 32 bytes; base64 or plain text). Shared by
    /// every host behind the load balancer; never committed. Without it, a random key is made
    /// at start-up and tokens die with the process.
    /// </summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "modular";

    public string Audience { get; set; } = "modular-api";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a host trusts what it read of an account (active, security stamp, roles,
    /// provinces) when another host made the change; the host that makes it forgets at once.
    /// </summary>
    public TimeSpan AccountCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an emailed link to set a password works.</summary>
    public TimeSpan PasswordLinkLifetime { get; set; } = TimeSpan.FromDays(3);
}

/// <summary>Configuration section <c>Bootstrap</c>: the first administrator.</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
