using FluentValidation;
using Mediator;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners.UpdatePartner;

/// <summary>Corrects a partner's details; <paramref name="Version"/> is the one the caller read.</summary>
public sealed record UpdatePartnerCommand(
    Guid PartnerId,
    uint? Version,
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
    IReadOnlyList<string>? ProvincesOfAction = null) : ICommand, IPartnerInput;

internal sealed class UpdatePartnerCommandValidator : AbstractValidator<UpdatePartnerCommand>
{
    public UpdatePartnerCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new PartnerInputValidator());
    }
}
