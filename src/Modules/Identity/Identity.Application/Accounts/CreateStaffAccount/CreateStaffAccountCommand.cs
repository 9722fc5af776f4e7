using BuildingBlocks.Application.Security;
using FluentValidation;
using Identity.Application.Passwords;
using Mediator;

namespace Identity.Application.Accounts.CreateStaffAccount;

/// <summary>Creates a staff account without a password and emails its owner a link to choose one.</summary>
public sealed record CreateStaffAccountCommand(
    string? Email,
    string? DisplayName,
    string? DisplayNameAr,
    string? PreferredLanguage,
    IReadOnlyList<StaffRole>? Roles,
    IReadOnlyList<string>? Provinces,
    Guid? MentorId) : IRequest<Guid>, IStaffAccountInput;

internal sealed class CreateStaffAccountCommandValidator : AbstractValidator<CreateStaffAccountCommand>
{
    public CreateStaffAccountCommandValidator() => Include(new StaffAccountInputValidator());
}

internal sealed class CreateStaffAccountCommandHandler(
    IStaffAccounts accounts,
    IKnownProvinces provinces,
    PasswordLinks links,
    ICurrentUser caller)
    : IRequestHandler<CreateStaffAccountCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreateStaffAccountCommand command, CancellationToken cancellationToken)
    {
        AccountAccess.EnsureAdministrator(caller);
        var details = command.ToDetails();
        await provinces.EnsureProvincesKnownAsync(details, cancellationToken);
        var id = await accounts.CreateAsync(details, cancellationToken);
        await links.SendAsync(id, details.Email, details.DisplayName ?? details.DisplayNameAr, details.PreferredLanguage, PasswordLinkKind.Welcome, cancellationToken);
        return id;
    }
}
