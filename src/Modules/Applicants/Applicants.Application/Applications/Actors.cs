using Applicants.Domain.Applications;
using BuildingBlocks.Application.Security;

namespace Applicants.Application.Applications;

internal static class Actors
{
    /// <summary>The caller as the application's history names them.</summary>
    public static Actor Of(ICurrentUser caller) => caller.Kind switch
    {
        CallerKind.Staff => new Actor(ActorKind.Staff, caller.UserId),
        CallerKind.Partner => new Actor(ActorKind.Partner, caller.PartnerId),
        _ => Actor.System,
    };
}
