using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Application.Persistence;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Declares the version the caller last read. If somebody committed a change since, saving
    /// fails with a concurrency conflict (409) instead of silently overwriting their work.
    /// </summary>
    public static void ExpectVersion<TId>(this DbContext db, AggregateRoot<TId> aggregate, uint version)
        where TId : struct
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(aggregate).Property(a => a.Version).OriginalValue = version;
    }
}
