using BuildingBlocks.Contracts;

namespace Reporting.Application.Partners.GetPartnersReport;

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
