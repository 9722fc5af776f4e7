namespace BuildingBlocks.Application.Security;

/// <summary>
/// Lets work done outside the request act for the staff member who asked for it, within his roles
/// and provinces: an import's lines are registered by a worker, yet an Officer's file registers
/// nobody outside his provinces. Set once, first thing in a fresh scope; <see cref="ICurrentUser"/>
/// of that scope then answers as that staff member.
/// </summary>
public interface IActingCaller
{
    void ActAs(Guid userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> provinces);
}
