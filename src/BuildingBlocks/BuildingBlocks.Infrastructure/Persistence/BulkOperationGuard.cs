using System.Data.Common;
using System.Text.RegularExpressions;
using BuildingBlocks.Application.Exceptions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// <c>ExecuteUpdate</c> and <c>ExecuteDelete</c> go straight to SQL: the save guard never sees the
/// rows they change, and the query filter lets an Officer reach rows he may read but not change
/// (national ones), or move his own to another province. So a bulk operation on a province-scoped
/// table is refused (403) unless the caller sees every province. Checked per execution, from the
/// statement EF generated, because EF caches the compiled query across callers.
/// </summary>
internal sealed class BulkOperationGuard : DbCommandInterceptor
{
    public static readonly BulkOperationGuard Instance = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete)
            || eventData.Context is not ModuleDbContext context
            || context.Access.All)
        {
            return;
        }

        if (context.ProvinceScopedTables.Any(table => table.IsMatch(command.CommandText)))
        {
            throw new ForbiddenException("A bulk update or delete of province-scoped records needs a caller who sees every province.");
        }
    }

    /// <summary>The target of an EF-generated <c>UPDATE t AS x</c> or <c>DELETE FROM t AS x</c> statement.</summary>
    public static Regex TargetPattern(string delimitedTable) =>
        new($@"\b(?:UPDATE|DELETE\s+FROM)\s+{Regex.Escape(delimitedTable)}(?![\w"".])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
