using BuildingBlocks.Domain;

namespace Mentoring.Domain.Mentors;

public readonly record struct MentorId(Guid Value) : IStronglyTypedId
{
    public static MentorId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
