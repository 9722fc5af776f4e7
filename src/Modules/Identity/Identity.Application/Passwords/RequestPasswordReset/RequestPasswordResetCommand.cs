using FluentValidation;
using Mediator;

namespace Identity.Application.Passwords.RequestPasswordReset;

/// <summary>Asks for a link to reset a forgotten password, sent to the address if an active account has it.</summary>
public sealed record RequestPasswordResetCommand(string? Email) : IRequest, IPasswordResetInput;

/// <summary>A request to reset a forgotten password.</summary>
public interface IPasswordResetInput
{
    /// <summary>The address of the account whose password was forgotten.</summary>
    string? Email { get; }
}

internal sealed class PasswordResetInputValidator : AbstractValidator<IPasswordResetInput>
{
    public PasswordResetInputValidator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
}

internal sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator() => Include(new PasswordResetInputValidator());
}

/// <summary>
/// Only queues the request: looking the address up and sending the email happen after the answer,
/// so the answer and its timing are the same whether or not the address has an account.
/// </summary>
internal sealed class RequestPasswordResetCommandHandler(PasswordResetQueue queue) : IRequestHandler<RequestPasswordResetCommand>
{
    public ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        queue.Enqueue(command.Email!.Trim());
        return ValueTask.FromResult(Unit.Value);
    }
}
