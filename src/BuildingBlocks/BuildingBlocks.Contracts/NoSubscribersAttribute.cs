namespace BuildingBlocks.Contracts;

/// <summary>
/// Declares that an integration event has, on purpose, no subscriber yet. A test fails for any
/// published event that has neither a handler nor this attribute, so that an event is never
/// sent nowhere by mistake.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoSubscribersAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
