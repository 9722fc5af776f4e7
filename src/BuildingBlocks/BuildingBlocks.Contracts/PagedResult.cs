namespace BuildingBlocks.Contracts;

/// <summary>One page of a list. Every list endpoint answers with this shape.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);
}
