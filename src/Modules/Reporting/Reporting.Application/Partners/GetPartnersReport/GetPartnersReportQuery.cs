using BuildingBlocks.Application.Validation;
using FluentValidation;
using Mediator;

namespace Reporting.Application.Partners.GetPartnersReport;

/// <summary>How many partners of each type, optionally in one province.</summary>
/// <param name="ProvinceCode">Count only the partners of this province or prefecture (HCP code, e.g. 03.531); all partners, national ones included, when left out.</param>
public sealed record GetPartnersReportQuery(string? ProvinceCode) : IQuery<PartnersReportDto>;

internal sealed class GetPartnersReportQueryValidator : AbstractValidator<GetPartnersReportQuery>
{
    public GetPartnersReportQueryValidator() => RuleFor(q => q.ProvinceCode).ProvinceCode();
}
