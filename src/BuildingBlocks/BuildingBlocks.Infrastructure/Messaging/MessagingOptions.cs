namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Whether this host drains the outboxes and inboxes (every host may; they share the work).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>The safety-net poll; commits wake the dispatcher at once in-process.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Inbox messages a worker takes in one transaction at first, without a savepoint: a commit
    /// per message capped the inbox below the rate commands write (issue 13). Should a handler
    /// fail, the batch is rolled back and its messages are taken again one per transaction, so a
    /// larger batch costs more work only when something fails. 1 handles one message per transaction.
    /// </summary>
    public int InboxBatchSize { get; set; } = 20;

    /// <summary>
    /// The largest batch a worker grows to when its batches keep coming back full and no more
    /// workers may run: a backlog is then worked off with fewer commits. Bigger batches hold their
    /// rows' locks longer and redo more when one message fails.
    /// </summary>
    public int InboxMaxBatchSize { get; set; } = 100;

    /// <summary>
    /// How many inbox transactions may run at once on this host, all modules together; also the
    /// most workers one module's inbox grows to. Under a write load the inbox is bound by latency,
    /// not work (each statement waits for a busy database and thread pool), so one worker per
    /// module fell seconds behind the writers (issue 13); a drain starts with one worker, and each
    /// full batch lets one more join up to this many per module (one beyond the free connections
    /// waits for one), each short batch retires one.
    /// Each transaction holds one pooled connection for its batch, so this is also the most
    /// connections the inbox takes from the pool the requests share (Npgsql's default holds 100):
    /// keep it well below the pool's size.
    /// </summary>
    public int InboxMaxConcurrency { get; set; } = 16;

    /// <summary>After this many failed attempts a message is parked for an operator.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubled at each further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
