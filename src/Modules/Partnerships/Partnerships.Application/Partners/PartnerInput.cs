using FluentValidation;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners;

/// <summary>What a staff member states about a partner, in registration and in correction alike.</summary>
public interface IPartnerInput
{
    string? Name { get; }

    string? NameAr { get; }

    string? Acronym { get; }

    PartnerType? Type { get; }

    string? ProvinceCode { get; }

    string? ContactEmail { get; }

    string? ContactPhone { get; }
}

internal static class PartnerInput
{
    /// <summary>Official province or prefecture code: two digits, a dot, three digits (e.g. 03.531).</summary>
    public const string ProvinceCodePattern = @"^\d{2}\.\d{3}$";

    public static PartnerDetails ToDetails(this IPartnerInput input) =>
        new(input.Name, input.NameAr, input.Acronym, input.Type!.Value, input.ProvinceCode, input.ContactEmail, input.ContactPhone);
}

/// <summary>The shape of a partner's details; included by the registration and update validators.</summary>
internal sealed class PartnerInputValidator : AbstractValidator<IPartnerInput>
{
    public PartnerInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().When(p => string.IsNullOrWhiteSpace(p.NameAr));
        RuleFor(p => p.Name).MaximumLength(200);
        RuleFor(p => p.NameAr).MaximumLength(200);
        RuleFor(p => p.Acronym).MaximumLength(30);
        RuleFor(p => p.Type).NotNull().IsInEnum();
        RuleFor(p => p.ProvinceCode).Matches(PartnerInput.ProvinceCodePattern).When(p => p.ProvinceCode is not null);
        RuleFor(p => p.ContactEmail).EmailAddress().MaximumLength(256).When(p => !string.IsNullOrEmpty(p.ContactEmail));
        RuleFor(p => p.ContactPhone).Matches(@"^\+?[0-9 ()-]{6,20}$").When(p => !string.IsNullOrEmpty(p.ContactPhone));
    }
}
