using BuildingBlocks.Domain;

namespace Applicants.Domain.Persons;

public readonly record struct PersonId(Guid Value) : IStronglyTypedId
{
    public static PersonId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
