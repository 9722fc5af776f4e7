using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;

namespace Identity.Application.Accounts.UpdateStaffAccount;

/// <summary>Changes an account's details; <paramref name="Version"/> is the one the caller read.</summary>
public sealed record UpdateStaffAccountCommand(
    Guid AccountId,
    uint? Version,
    string? Email,
    string? DisplayName,
    string? DisplayNameAr,
    string? PreferredLanguage,
    IReadOnlyList<StaffRole>? Roles,
    IReadOnlyList<string>? Provinces,
    Guid? MentorId) : IRequest, IStaffAccountInput;

internal sealed class UpdateStaffAccountCommandValidator : AbstractValidator<UpdateStaffAccountCommand>
{
    public UpdateStaffAccountCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new StaffAccountInputValidator());
    }
}

internal sealed class UpdateStaffAccountCommandHandler(IStaffAccounts accounts, IKnownProvinces provinces, ICurrentUser caller)
    : IRequestHandler<UpdateStaffAccountCommand>
{
    public async ValueTask<Unit> Handle(UpdateStaffAccountCommand command, CancellationToken cancellationToken)
    {
        AccountAccess.EnsureAdministrator(caller);
        var details = command.ToDetails();
        await provinces.EnsureProvincesKnownAsync(details, cancellationToken);
        await accounts.SerialiseAsync(
            async ct =>
            {
                var account = await accounts.FindAsync(command.AccountId, ct) ?? throw new NotFoundException("staff account", command.AccountId);
                if (account.IsAdmin() && !details.Roles.Contains(Roles.Admin))
                {
                    await LastAdministrator.EnsureAnotherAsync(accounts, ct);
                }

                await accounts.UpdateAsync(command.AccountId, command.Version!.Value, details, ct);
            },
            cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The agency always keeps one active administrator, or nobody could manage accounts again.</summary>
internal static class LastAdministrator
{
    public static async Task EnsureAnotherAsync(IStaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (await accounts.CountActiveAdminsAsync(cancellationToken) <= 1)
        {
            throw new BusinessRuleException("staff.last-admin", AccountTexts.LastAdmin);
        }
    }
}
