using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace BuildingBlocks.Application.Paging;

/// <summary>
/// The fields a list may be sorted by, each mapped to an expression the database can order by.
/// Built once per list; unknown fields are refused by validation before the query runs.
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, bool, IOrderedQueryable<T>>> _fields =
        new(StringComparer.OrdinalIgnoreCase);

    private Func<IQueryable<T>, bool, IOrderedQueryable<T>>? _tieBreaker;

    public IReadOnlyCollection<string> Names => _fields.Keys;

    /// <summary>
    /// What a valid <c>sort</c> looks like: known fields, comma-separated, each optionally prefixed by
    /// <c>-</c> or <c>+</c>. The validator matches it (ignoring case), and the API reference shows it.
    /// </summary>
    public string Pattern
    {
        get
        {
            var name = $"[-+]?(?:{string.Join('|', _fields.Keys.Select(Regex.Escape))})";
            return $"^ *{name} *(?:, *{name} *)*$";
        }
    }

    public SortMap<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _fields[name] = (query, descending, first) => (first, descending) switch
        {
            (true, false) => query.OrderBy(key),
            (true, true) => query.OrderByDescending(key),
            (false, false) => ((IOrderedQueryable<T>)query).ThenBy(key),
            (false, true) => ((IOrderedQueryable<T>)query).ThenByDescending(key),
        };
        return this;
    }

    /// <summary>A unique key ordered last, so that pages never overlap or skip rows.</summary>
    public SortMap<T> TieBreaker<TKey>(Expression<Func<T, TKey>> key)
    {
        _tieBreaker = (query, first) => first ? query.OrderBy(key) : ((IOrderedQueryable<T>)query).ThenBy(key);
        return this;
    }

    public bool Knows(string name) => _fields.ContainsKey(name);

    public IQueryable<T> Apply(IQueryable<T> query, string? sort, string defaultSort)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fields = SortParser.Parse(string.IsNullOrWhiteSpace(sort) ? defaultSort : sort);
        var first = true;
        foreach (var field in fields)
        {
            query = _fields[field.Name](query, field.Descending, first);
            first = false;
        }

        return _tieBreaker is null ? query : _tieBreaker(query, first);
    }
}
