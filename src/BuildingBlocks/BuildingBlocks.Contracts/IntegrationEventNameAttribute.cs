namespace BuildingBlocks.Contracts;

/// <summary>
/// The name an integration event travels under, in outboxes and inboxes: a contract, not a CLR
/// type name, so that renaming or moving the class strands no stored message. The name is
/// <c>module.fact-in-the-past-tense</c> in lower case (<c>partnerships.partner-registered</c>); the
/// version changes only when the event changes incompatibly, which in practice means a new event
/// class beside the old one (events evolve by addition). Stored as <c>name.vN</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventNameAttribute(string name, int version) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;

    /// <summary>What is written in the <c>type</c> column.</summary>
    public string WireName => $"{Name}.v{Version}";
}
