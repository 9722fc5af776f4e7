using FluentValidation;

namespace Reporting.Application.Partners.RecordPartner;

internal sealed class RecordPartnerCommandValidator : AbstractValidator<RecordPartnerCommand>
{
    public RecordPartnerCommandValidator()
    {
        RuleFor(c => c.PartnerId).NotEmpty();
        RuleFor(c => c.PartnerType).NotEmpty().MaximumLength(40);
    }
}
