using BuildingBlocks.Application.Paging;
using FluentValidation;

namespace Partnerships.Application.Partners.GetPartners;

internal sealed class GetPartnersQueryValidator : AbstractValidator<GetPartnersQuery>
{
    public GetPartnersQueryValidator()
    {
        this.RulesForPaging(GetPartnersQueryHandler.Sorts);
        RuleFor(q => q.Type).IsInEnum();
        RuleFor(q => q.ProvinceCode).Matches(PartnerInput.ProvinceCodePattern);
        RuleFor(q => q.Q).MaximumLength(100);
    }
}
