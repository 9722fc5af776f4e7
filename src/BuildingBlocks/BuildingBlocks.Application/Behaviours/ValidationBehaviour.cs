using FluentValidation;
using Mediator;

namespace BuildingBlocks.Application.Behaviours;

/// <summary>
/// Validates the shape of every command and query before anything is read or written, whether it
/// comes from an endpoint, a job or an event handler. Messages are in the caller's language
/// (FluentValidation follows the current UI culture).
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        // Most queries and many commands have no validator: straight on, without a state machine of our own.
        return validators is ICollection<IValidator<TMessage>> { Count: 0 }
            ? next(message, cancellationToken)
            : ValidateThenHandleAsync(message, next, cancellationToken);
    }

    private async ValueTask<TResponse> ValidateThenHandleAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is not null)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
