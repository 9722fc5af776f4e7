using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using FluentValidation;
using Identity.Application.Accounts;
using Mediator;

namespace Identity.Application.Passwords.ChangeOwnPassword;

/// <summary>Changes the caller's own password; every token issued before stops working.</summary>
public sealed record ChangeOwnPasswordCommand(string? CurrentPassword, string? NewPassword) : IRequest, IPasswordChangeInput;

/// <summary>A change of one's own password.</summary>
public interface IPasswordChangeInput
{
    /// <summary>The password in use now.</summary>
    string? CurrentPassword { get; }

    /// <summary>10 to 128 characters, not the email address, not among the commonest passwords.</summary>
    string? NewPassword { get; }
}

internal sealed class PasswordChangeInputValidator : AbstractValidator<IPasswordChangeInput>
{
    public PasswordChangeInputValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(256);
        RuleFor(c => c.NewPassword).NewPassword();
    }
}

internal sealed class ChangeOwnPasswordCommandValidator : AbstractValidator<ChangeOwnPasswordCommand>
{
    public ChangeOwnPasswordCommandValidator() => Include(new PasswordChangeInputValidator());
}

internal sealed class ChangeOwnPasswordCommandHandler(IStaffAccounts accounts, ICurrentUser caller)
    : IRequestHandler<ChangeOwnPasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangeOwnPasswordCommand command, CancellationToken cancellationToken)
    {
        var id = caller.UserId ?? throw new ForbiddenException("Only a staff member has a password here.");
        var account = await accounts.FindAsync(id, cancellationToken) ?? throw new NotFoundException("staff account", id);
        PasswordPolicy.Check(command.NewPassword!, account.Email, "newPassword");
        if (!await accounts.ChangePasswordAsync(id, command.CurrentPassword!, command.NewPassword!, cancellationToken))
        {
            // Not a 400: the request is well formed; the state (the password in use) says no.
            throw new BusinessRuleException("password.wrong-current", PasswordTexts.WrongCurrentPassword);
        }

        return Unit.Value;
    }
}
