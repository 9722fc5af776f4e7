namespace BuildingBlocks.Domain;

/// <summary>Implemented by the <c>readonly record struct XxxId(Guid Value)</c> ids of aggregates.</summary>
public interface IStronglyTypedId
{
    Guid Value { get; }
}
