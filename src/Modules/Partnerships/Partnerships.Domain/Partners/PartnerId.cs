using BuildingBlocks.Domain;

namespace Partnerships.Domain.Partners;

public readonly record struct PartnerId(Guid Value) : IStronglyTypedId
{
    public static PartnerId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
