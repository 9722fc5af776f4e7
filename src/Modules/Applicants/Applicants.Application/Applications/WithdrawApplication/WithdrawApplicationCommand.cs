using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.WithdrawApplication;

/// <summary>The holder withdraws the application before any money; the reason is kept in its history.</summary>
public sealed record WithdrawApplicationCommand(Guid ApplicationId, string? Reason) : ICommand, IWithdrawalInput;

/// <summary>Why the holder withdraws.</summary>
public interface IWithdrawalInput
{
    /// <summary>The holder's reason, kept in the application's history (at most 2,000 characters).</summary>
    string? Reason { get; }
}

internal sealed class WithdrawalInputValidator : AbstractValidator<IWithdrawalInput>
{
    public WithdrawalInputValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class WithdrawApplicationCommandValidator : AbstractValidator<WithdrawApplicationCommand>
{
    public WithdrawApplicationCommandValidator() => Include(new WithdrawalInputValidator());
}

internal sealed class WithdrawApplicationCommandHandler(IApplicantsDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<WithdrawApplicationCommand>
{
    public async ValueTask<Unit> Handle(WithdrawApplicationCommand command, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(command.ApplicationId);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                          ?? throw new NotFoundException("application", command.ApplicationId);
        application.MoveTo(ApplicationStage.Withdrawn, null, command.Reason!.Trim(), Actors.Of(caller), clock.GetUtcNow());
        return Unit.Value;
    }
}
