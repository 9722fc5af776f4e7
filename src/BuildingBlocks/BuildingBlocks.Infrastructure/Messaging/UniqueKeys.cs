using BuildingBlocks.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>The explanations a command's handlers registered, one scope's worth (see <see cref="IUniqueKeys"/>).</summary>
internal sealed class UniqueKeys : IUniqueKeys
{
    private readonly List<(string Index, Func<CancellationToken, Task<Exception?>> Explain)> _explanations = [];

    public void Explain(string index, Func<CancellationToken, Task<Exception?>> explain)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentNullException.ThrowIfNull(explain);
        _explanations.Add((index, explain));
    }

    /// <summary>True when <paramref name="error"/> is a unique index refusing a key that some handler explains.</summary>
    public bool Explains(Exception error) =>
        IndexRefused(error) is { } index && _explanations.Exists(e => e.Index == index);

    /// <summary>
    /// The first explanation of the refused index that recognises its key, or <paramref name="error"/>
    /// itself when none does. Called after the rollback: the explanations read outside the failed transaction.
    /// </summary>
    public async Task<Exception> ExplainAsync(Exception error, CancellationToken cancellationToken)
    {
        var index = IndexRefused(error);
        foreach (var (_, explain) in _explanations.Where(e => e.Index == index).ToList())
        {
            if (await explain(cancellationToken) is { } explained)
            {
                return explained;
            }
        }

        return error;
    }

    /// <summary>Forgets the explanations (a scope that runs several commands one after the other).</summary>
    public void Clear() => _explanations.Clear();

    // PostgreSQL names the index in every unique violation; Npgsql passes the name on whatever
    // "Include Error Detail" says (only the detail, which holds the values, is withheld).
    private static string? IndexRefused(Exception error) =>
        (error as PostgresException ?? (error as DbUpdateException)?.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } refused
            ? refused.ConstraintName
            : null;
}
