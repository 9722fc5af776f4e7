using Financing.Application.Abstractions;
using Financing.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Financings.FindFinancedHolders;

/// <summary>
/// Which holders already have an approved financing, in any programme: a person must not be
/// financed twice for the same purpose. Ignores the caller's provinces on purpose (the answer is
/// only ids the caller already holds).
/// </summary>
internal sealed class FindFinancedHoldersQueryHandler(IFinancingDbContext db) : IQueryHandler<FindFinancedHoldersQuery, IReadOnlyCollection<Guid>>
{
    public async ValueTask<IReadOnlyCollection<Guid>> Handle(FindFinancedHoldersQuery query, CancellationToken cancellationToken)
    {
        if (query.HolderIds.Count == 0)
        {
            return [];
        }

        var ids = query.HolderIds.Distinct().ToList();
        return await db.Financings.AsNoTracking()
            .Where(f => ids.Contains(f.HolderId))
            .Select(f => f.HolderId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }
}
