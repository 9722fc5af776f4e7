using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;

namespace BuildingBlocks.Application.Behaviours;

/// <summary>
/// The one place where read-only callers are stopped: a staff member holding no writing role
/// (an Auditor) may send queries but no command.
/// </summary>
public sealed class CommandAuthorisationBehaviour<TMessage, TResponse>(ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (user.Kind == CallerKind.Anonymous
            || (user.Kind == CallerKind.Staff && !Roles.Writers.Any(user.IsInRole)))
        {
            throw new ForbiddenException($"{typeof(TMessage).Name} needs a role that may change data.");
        }

        return next(message, cancellationToken);
    }
}
