using BuildingBlocks.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Application.Paging;

public static class PagingExtensions
{
    /// <summary>Counts, sorts and takes one page, all in the database.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query
            .Skip((paging.Page - 1) * paging.PageSize)
            .Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<T>(items, paging.Page, paging.PageSize, total);
    }
}
