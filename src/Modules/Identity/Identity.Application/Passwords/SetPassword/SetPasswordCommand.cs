using BuildingBlocks.Domain;
using FluentValidation;
using Identity.Application.Accounts;
using Mediator;

namespace Identity.Application.Passwords.SetPassword;

/// <summary>Sets a password with the token emailed on creation or on a reset request.</summary>
public sealed record SetPasswordCommand(string? Email, string? Token, string? NewPassword) : IRequest, ISetPasswordInput;

/// <summary>A password chosen with an emailed token.</summary>
public interface ISetPasswordInput
{
    /// <summary>The account's address, as in the email.</summary>
    string? Email { get; }

    /// <summary>The token from the emailed link.</summary>
    string? Token { get; }

    /// <summary>10 to 128 characters, not the email address, not among the commonest passwords.</summary>
    string? NewPassword { get; }
}

internal sealed class SetPasswordInputValidator : AbstractValidator<ISetPasswordInput>
{
    public SetPasswordInputValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.NewPassword).NewPassword();
    }
}

internal sealed class SetPasswordCommandValidator : AbstractValidator<SetPasswordCommand>
{
    public SetPasswordCommandValidator() => Include(new SetPasswordInputValidator());
}

internal sealed class SetPasswordCommandHandler(IStaffAccounts accounts) : IRequestHandler<SetPasswordCommand>
{
    public async ValueTask<Unit> Handle(SetPasswordCommand command, CancellationToken cancellationToken)
    {
        PasswordPolicy.Check(command.NewPassword!, command.Email!, "newPassword");
        // An unknown address and a wrong token answer alike: the answer tells nobody which accounts exist.
        var account = await accounts.FindByEmailAsync(command.Email!, cancellationToken);
        if (account is not { Active: true }
            || !await accounts.SetPasswordWithTokenAsync(account.Id, command.Token!, command.NewPassword!, cancellationToken))
        {
            throw new BusinessRuleException("password.invalid-link", PasswordTexts.InvalidLink);
        }

        return Unit.Value;
    }
}
