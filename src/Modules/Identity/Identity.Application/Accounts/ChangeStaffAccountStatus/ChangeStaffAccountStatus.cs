using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Identity.Application.Accounts.UpdateStaffAccount;
using Mediator;

namespace Identity.Application.Accounts.ChangeStaffAccountStatus;

/// <summary>Deactivates an account: it can no longer sign in, and its bearer tokens stop at once.</summary>
public sealed record DeactivateStaffAccountCommand(Guid AccountId) : IRequest;

/// <summary>Reactivates a deactivated account; the tokens it had before stay dead.</summary>
public sealed record ReactivateStaffAccountCommand(Guid AccountId) : IRequest;

/// <summary>Lifts the lock that failed sign-ins put on an account.</summary>
public sealed record UnlockStaffAccountCommand(Guid AccountId) : IRequest;

internal sealed class ChangeStaffAccountStatusHandler(IStaffAccounts accounts, ICurrentUser caller)
    : IRequestHandler<DeactivateStaffAccountCommand>,
      IRequestHandler<ReactivateStaffAccountCommand>,
      IRequestHandler<UnlockStaffAccountCommand>
{
    public async ValueTask<Unit> Handle(DeactivateStaffAccountCommand command, CancellationToken cancellationToken)
    {
        AccountAccess.EnsureAdministrator(caller);
        await accounts.SerialiseAsync(
            async ct =>
            {
                var account = await ExistingAsync(command.AccountId, ct);
                if (account.IsAdmin())
                {
                    await LastAdministrator.EnsureAnotherAsync(accounts, ct);
                }

                await accounts.SetActiveAsync(account.Id, active: false, ct);
            },
            cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(ReactivateStaffAccountCommand command, CancellationToken cancellationToken)
    {
        AccountAccess.EnsureAdministrator(caller);
        var account = await ExistingAsync(command.AccountId, cancellationToken);
        await accounts.SetActiveAsync(account.Id, active: true, cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(UnlockStaffAccountCommand command, CancellationToken cancellationToken)
    {
        AccountAccess.EnsureAdministrator(caller);
        var account = await ExistingAsync(command.AccountId, cancellationToken);
        await accounts.UnlockAsync(account.Id, cancellationToken);
        return Unit.Value;
    }

    private async Task<StaffAccountState> ExistingAsync(Guid id, CancellationToken cancellationToken) =>
        await accounts.FindAsync(id, cancellationToken) ?? throw new NotFoundException("staff account", id);
}
