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

    /// <summary>
    /// Failed sign-ins one client address may make on one account (known or not) within
    /// <see cref="FailureWindow"/>; then that address is answered 429 for that account only.
    /// </summary>
    public int FailuresPerAccountAndAddress { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Consecutive failures on one account, from anywhere, after which every sign-in to it waits
    /// before it is checked: <see cref="SlowdownStep"/>, doubled at each further failure, up to
    /// <see cref="MaxSlowdown"/>. A correct password resets the count. The account is never locked by failures.
    /// </summary>
    public int SlowdownAfterFailures { get; set; } = 5;

    public TimeSpan SlowdownStep { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxSlowdown { get; set; } = TimeSpan.FromSeconds(10);

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
