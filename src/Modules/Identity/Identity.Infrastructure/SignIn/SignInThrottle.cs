using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Identity.Infrastructure.SignIn;

/// <summary>
/// The memory of failed sign-ins that must not be kept in the account itself: failures per
/// (account, client address) in the framework's rate limiter, and consecutive failures on email
/// addresses that match no account, so that an unknown account slows down exactly like a known one
/// and its answers cannot tell them apart. Per host: behind a load balancer each host throttles on
/// its own, which multiplies the budget by the number of hosts but keeps every host's promise.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly MemoryCache _unknownAccounts = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly AuthOptions _options;

    public SignInThrottle(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.FailuresPerAccountAndAddress),
            Window = _options.FailureWindow,
            QueueLimit = 0,
        }));
    }

    /// <summary>Null when this address may still try this account; else how long it must wait.</summary>
    public TimeSpan? Refusal(string account, string address)
    {
        // Zero permits asks "are any left?" without spending one.
        using var probe = _failures.AttemptAcquire(Key(account, address), 0);
        return probe.IsAcquired ? null
            : probe.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _options.FailureWindow;
    }

    /// <summary>Counts a failure of this address on this account; true when it used up the address's budget.</summary>
    public bool RecordFailure(string account, string address)
    {
        using var lease = _failures.AttemptAcquire(Key(account, address));
        return Refusal(account, address) is not null;
    }

    public int UnknownAccountFailures(string account) => _unknownAccounts.TryGetValue(account, out int count) ? count : 0;

    public int RecordUnknownAccountFailure(string account)
    {
        var count = UnknownAccountFailures(account) + 1;
        _unknownAccounts.Set(account, count, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _options.FailureWindow });
        return count;
    }

    /// <summary>How long a sign-in to an account with this many consecutive failures waits before it is checked.</summary>
    public TimeSpan Slowdown(int consecutiveFailures)
    {
        var beyond = consecutiveFailures - _options.SlowdownAfterFailures;
        if (beyond < 0)
        {
            return TimeSpan.Zero;
        }

        var step = _options.SlowdownStep.TotalMilliseconds * Math.Pow(2, Math.Min(beyond, 20));
        return TimeSpan.FromMilliseconds(Math.Min(step, _options.MaxSlowdown.TotalMilliseconds));
    }

    /// <summary>True on the failure that starts an account's slowdown: the moment its owner is told.</summary>
    public bool StartsSlowdown(int consecutiveFailures) => consecutiveFailures == _options.SlowdownAfterFailures;

    public void Dispose()
    {
        _failures.Dispose();
        _unknownAccounts.Dispose();
    }

    private static string Key(string account, string address) => $"{account}\n{address}";
}
