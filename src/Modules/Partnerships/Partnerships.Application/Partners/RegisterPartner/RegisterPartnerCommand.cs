using FluentValidation;
using Mediator;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.RegisterPartner;

/// <summary>Registers a partner organisation; answers its id.</summary>
public sealed record RegisterPartnerCommand(
    string? Name,
    string? NameAr,
    string? Acronym,
    PartnerType? Type,
    string? ProvinceCode,
    string? ContactEmail,
    string? ContactPhone,
    string? Ice = null,
    string? RegistrationNumber = null,
    IReadOnlyList<PartnerContactInput>? Contacts = null,
    IReadOnlyList<string>? ProvincesOfAction = null) : ICommand<Guid>, IPartnerInput;

internal sealed class RegisterPartnerCommandValidator : AbstractValidator<RegisterPartnerCommand>
{
    public RegisterPartnerCommandValidator() => Include(new PartnerInputValidator());
}
