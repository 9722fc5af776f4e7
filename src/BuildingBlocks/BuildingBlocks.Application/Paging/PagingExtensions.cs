using BuildingBlocks.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Application.Paging;

public static class PagingExtensions
{
    /// <summary>
    /// Counts, sorts and takes one page, all in the database. The offset is computed in 64 bits: a
    /// page beyond any row is an empty page, never an overflow, even for a query whose validator
    /// forgot <see cref="PagingValidation.RulesForPaging{TQuery, TItem}"/>.
    /// </summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var total = await query.LongCountAsync(cancellationToken);
        var offset = ((long)paging.Page - 1) * paging.PageSize;
        if (offset < 0 || offset >= total || offset > int.MaxValue || paging.PageSize <= 0)
        {
            return new PagedResult<T>([], paging.Page, paging.PageSize, total);
        }

        var items = await query
            .Skip((int)offset)
            .Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<T>(items, paging.Page, paging.PageSize, total);
    }
}
