using BuildingBlocks.Domain;

namespace Financing.Domain.Programmes;

public readonly record struct ProgrammeId(Guid Value) : IStronglyTypedId
{
    public static ProgrammeId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ProgrammeFunderId(Guid Value) : IStronglyTypedId
{
    public static ProgrammeFunderId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ProgrammeTrancheId(Guid Value) : IStronglyTypedId
{
    public static ProgrammeTrancheId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
