namespace Reporting.Application.Partners.GetPartnersReport;

public sealed record PartnersByTypeDto(string Type, int Count);

public sealed record PartnersReportDto(IReadOnlyList<PartnersByTypeDto> ByType, int Total);
