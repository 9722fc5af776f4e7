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
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery paging, CancellationToken cancellationToken) =>
        await query.ToPageAsync(paging, new RowCount(await query.LongCountAsync(cancellationToken), IsExact: true), cancellationToken);

    /// <summary>
    /// Sorts and takes one page of <paramref name="query"/>, whose matching rows were counted
    /// beforehand (<see cref="CountUpToAsync{T}"/> for a search whose matches can run to tens of
    /// thousands). Past an inexact count, pages are still read: more rows may be there.
    /// </summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery paging, RowCount total, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        ArgumentNullException.ThrowIfNull(total);
        var offset = ((long)paging.Page - 1) * paging.PageSize;
        if (offset < 0 || (total.IsExact && offset >= total.Value) || offset > int.MaxValue || paging.PageSize <= 0)
        {
            return new PagedResult<T>([], paging.Page, paging.PageSize, total.Value, total.IsExact);
        }

        var items = await query
            .Skip((int)offset)
            .Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<T>(items, paging.Page, paging.PageSize, total.Value, total.IsExact);
    }

    /// <summary>
    /// Counts the rows up to <paramref name="limit"/>: a common first name searched nationally
    /// matches tens of thousands of persons, and counting them all means reading every one of them
    /// (hundreds of milliseconds) for a figure nobody pages through. Count the unsorted query: the
    /// database stops at <paramref name="limit"/> + 1 rows.
    /// </summary>
    public static async Task<RowCount> CountUpToAsync<T>(this IQueryable<T> query, int limit, CancellationToken cancellationToken)
    {
        var counted = await query.Take(limit + 1).LongCountAsync(cancellationToken);
        return counted > limit ? new RowCount(limit, IsExact: false) : new RowCount(counted, IsExact: true);
    }
}

/// <summary>How many rows match; at least that many when not <paramref name="IsExact"/>.</summary>
public sealed record RowCount(long Value, bool IsExact);
