using Mediator;

namespace Reporting.Application.Partners.GetPartnersReport;

/// <summary>How many partners of each type, optionally in one province.</summary>
public sealed record GetPartnersReportQuery(string? ProvinceCode) : IQuery<PartnersReportDto>;
