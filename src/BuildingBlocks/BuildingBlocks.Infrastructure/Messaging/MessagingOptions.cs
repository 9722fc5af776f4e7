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
    /// Inbox messages handled in one transaction (a savepoint each): a commit per message capped
    /// the inbox below the rate commands write (issue 13). 1 handles one message per transaction.
    /// </summary>
    public int InboxBatchSize { get; set; } = 20;

    /// <summary>Inbox transactions run at once per module on this host.</summary>
    public int InboxConcurrency { get; set; } = 4;

    /// <summary>After this many failed attempts a message is parked for an operator.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubled at each further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
