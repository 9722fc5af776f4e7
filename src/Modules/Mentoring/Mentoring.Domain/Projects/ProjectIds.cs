using BuildingBlocks.Domain;

namespace Mentoring.Domain.Projects;

/// <summary>A financed project: its id is its application's, as in every module.</summary>
public readonly record struct ProjectId(Guid Value) : IStronglyTypedId
{
    public override string ToString() => Value.ToString();
}

public readonly record struct VisitId(Guid Value) : IStronglyTypedId
{
    public static VisitId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct AssignmentId(Guid Value) : IStronglyTypedId
{
    public static AssignmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
