using Microsoft.EntityFrameworkCore;
using Reporting.Domain.Partners;

namespace Reporting.Application.Abstractions;

public interface IReportingDbContext
{
    DbSet<PartnerFact> PartnerFacts { get; }

    /// <summary>
    /// Inserts the fact unless the partner already has one, in one statement with no read before
    /// it (most events are a partner's first); true when it was inserted.
    /// </summary>
    Task<bool> RecordIfNewAsync(PartnerFact fact, CancellationToken cancellationToken);
}
