namespace BuildingBlocks.Contracts;

/// <summary>
/// A request or response type that shows a realistic instance of itself in the API reference.
/// The example sits on the type, so whoever adds a type to the API adds its example with it; the
/// OpenAPI conventions serialize it exactly as the API would (and the lint checks it against the
/// schema, constraints included).
/// </summary>
public interface IApiExample<TSelf>
    where TSelf : IApiExample<TSelf>
{
    static abstract TSelf Example { get; }
}
