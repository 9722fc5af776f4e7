using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Wakes the dispatcher right after a commit that wrote to an outbox, so an event is handled in
/// milliseconds rather than at the next poll. Many notifications collapse into one wake-up, which
/// tells which modules were named since the last one: the dispatcher then looks only there instead
/// of sending an empty transaction to every module's table at each wake (issue 13).
/// </summary>
public sealed class DispatchSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly ConcurrentDictionary<string, byte> _named = new(StringComparer.Ordinal);
    private int _everything;

    /// <summary>Something changed somewhere: the next wake looks at every module.</summary>
    public void Notify()
    {
        Volatile.Write(ref _everything, 1);
        _channel.Writer.TryWrite(true);
    }

    /// <summary>The module with this schema has something new: the next wake looks there.</summary>
    public void Notify(string schema)
    {
        // Named before the token is written: a waiter that reads the token finds the name.
        _named.TryAdd(schema, 0);
        _channel.Writer.TryWrite(true);
    }

    /// <summary>
    /// Waits for a notification or the timeout. Returns the schemas named since the last wake, or
    /// null for "look everywhere" (the timeout passed, or <see cref="Notify()"/> named nothing).
    /// </summary>
    public async Task<IReadOnlySet<string>?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look everywhere (other hosts' commits, retries now due).
            TakeNamed();
            Volatile.Write(ref _everything, 0);
            return null;
        }

        var named = TakeNamed();
        return Interlocked.Exchange(ref _everything, 0) == 1 ? null : named;
    }

    /// <summary>The schemas named so far without waiting (a name taken here may leave a spare wake, which finds nothing).</summary>
    public IReadOnlySet<string> TakeNamed()
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in _named.Keys)
        {
            if (_named.TryRemove(schema, out _))
            {
                named.Add(schema);
            }
        }

        return named;
    }
}
