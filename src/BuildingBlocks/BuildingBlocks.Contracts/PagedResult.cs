namespace BuildingBlocks.Contracts;

/// <summary>One page of a list. Every list endpoint answers with this shape.</summary>
/// <param name="Items">The items of this page, in the requested order; empty past the last page.</param>
/// <param name="Page">The page number, from 1, as requested.</param>
/// <param name="PageSize">The most items a page holds, as requested.</param>
/// <param name="TotalCount">How many items match the filters, over all pages; when <c>totalCountIsExact</c> is false, at least that many (a search by name stops counting at 1,000 matches).</param>
/// <param name="TotalCountIsExact">False when counting stopped at a limit: there are more items than <c>totalCount</c>, and pages past it can still be read. True for every list but searches by name with many matches.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount, bool TotalCountIsExact = true)
{
    /// <summary>How many pages the matching items fill.</summary>
    public int TotalPages => PageSize == 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);
}
