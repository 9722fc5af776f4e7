using Microsoft.EntityFrameworkCore;
using Reporting.Domain.Partners;

namespace Reporting.Application.Abstractions;

public interface IReportingDbContext
{
    DbSet<PartnerFact> PartnerFacts { get; }
}
