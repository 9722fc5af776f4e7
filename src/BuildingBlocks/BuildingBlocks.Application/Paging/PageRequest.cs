namespace BuildingBlocks.Application.Paging;

/// <summary>
/// The paging and sorting every list query carries: <c>page</c> (1 to 1,000,000), <c>pageSize</c>
/// (1–200, default 20) and <c>sort</c>, a comma-separated list of fields, each optionally
/// prefixed by <c>-</c> for descending order (<c>sort=-registeredOn,name</c>).
/// </summary>
public interface IPagedQuery
{
    /// <summary>The page to answer, from 1.</summary>
    int Page { get; }

    /// <summary>How many items a page holds, 1 to 200 (20 when left out).</summary>
    int PageSize { get; }

    /// <summary>Comma-separated fields to sort by, each prefixed by - for descending order.</summary>
    string? Sort { get; }
}

public static class PageDefaults
{
    public const int Page = 1;
    public const int PageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>
    /// The last page anyone can ask for: nobody reads past a million pages, and with it the
    /// offset (page − 1) × pageSize stays far below int.MaxValue, where EF Core's Skip lives.
    /// </summary>
    public const int MaxPage = 1_000_000;
}

public readonly record struct SortField(string Name, bool Descending);

public static class SortParser
{
    public static IReadOnlyList<SortField> Parse(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return [];
        }

        return sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.StartsWith('-')
                ? new SortField(part[1..], true)
                : new SortField(part.TrimStart('+'), false))
            .ToList();
    }
}
