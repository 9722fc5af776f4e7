using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Reporting.Application.Abstractions;

namespace Reporting.Application.Partners;

/// <summary>How many partners of each type, optionally in one province.</summary>
/// <param name="ProvinceCode">Count only the partners of this province or prefecture (HCP code, e.g. 03.531); all partners, national ones included, when left out.</param>
public sealed record GetPartnersReportQuery(string? ProvinceCode) : IQuery<PartnersReportDto>;

internal sealed class GetPartnersReportQueryValidator : AbstractValidator<GetPartnersReportQuery>
{
    public GetPartnersReportQueryValidator() => RuleFor(q => q.ProvinceCode).ProvinceCode();
}

/// <summary>The partners of one type.</summary>
/// <param name="Type">The kind of organisation (a PartnerType name, e.g. Association).</param>
/// <param name="Count">How many partners of this kind.</param>
public sealed record PartnersByTypeDto(string Type, int Count);

/// <summary>Partners counted by type; types without partners are left out.</summary>
/// <param name="ByType">One line per type that has partners, in alphabetical order of type.</param>
/// <param name="Total">All partners counted.</param>
public sealed record PartnersReportDto(IReadOnlyList<PartnersByTypeDto> ByType, int Total) : IApiExample<PartnersReportDto>
{
    public static PartnersReportDto Example { get; } = new(
        [new("Association", 12), new("Cooperative", 7), new("MicrocreditInstitution", 2)],
        21);
}

internal sealed class GetPartnersReportQueryHandler(IReportingDbContext db) : IQueryHandler<GetPartnersReportQuery, PartnersReportDto>
{
    public async ValueTask<PartnersReportDto> Handle(GetPartnersReportQuery query, CancellationToken cancellationToken)
    {
        var facts = db.PartnerFacts.AsNoTracking();
        if (query.ProvinceCode is { } province)
        {
            facts = facts.Where(f => f.ProvinceCode == province);
        }

        var byType = await facts
            .GroupBy(f => f.PartnerType)
            .OrderBy(g => g.Key)
            .Select(g => new PartnersByTypeDto(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return new PartnersReportDto(byType, byType.Sum(r => r.Count));
    }
}
