using Npgsql;

namespace Applicants.Infrastructure.Imports;

/// <summary>
/// A worker's hold on one import: a PostgreSQL advisory lock on a connection of its own, held for
/// as long as the worker registers the import's lines. Taking it is atomic, so of two jobs for the
/// same import (a sweep re-enqueued it while the first job was only late, or two hosts swept at
/// once) one works and the other returns. A worker that dies loses its connection and with it the
/// lock, without a heartbeat column to keep fresh: an import not completed whose lock is free is an
/// import nobody works on (<see cref="Jobs.StuckImportsJob"/>).
/// </summary>
internal sealed class PersonImportClaim : IAsyncDisposable
{
    /// <summary>The lock's key for an import, in SQL: a 64-bit hash of a name no other lock uses.</summary>
    public const string KeySql = "hashtextextended('applicants.person-import:' || {0}::text, 0)";

    private readonly NpgsqlConnection _connection;
    private readonly Guid _importId;

    private PersonImportClaim(NpgsqlConnection connection, Guid importId)
    {
        _connection = connection;
        _importId = importId;
    }

    /// <summary>The claim, or null when another worker holds the import.</summary>
    public static async Task<PersonImportClaim?> TryTakeAsync(NpgsqlDataSource dataSource, Guid importId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({string.Format(System.Globalization.CultureInfo.InvariantCulture, KeySql, "$1")})", connection);
            take.Parameters.Add(new NpgsqlParameter { Value = importId });
            if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
            {
                return new PersonImportClaim(connection, importId);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Unlocks before the connection goes back to the pool: the pool does not reset connections
    /// (<c>NoResetOnClose</c>), so a session lock left behind would outlive the job. A connection
    /// that cannot unlock is broken, and PostgreSQL drops its locks with it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({string.Format(System.Globalization.CultureInfo.InvariantCulture, KeySql, "$1")})", _connection);
            release.Parameters.Add(new NpgsqlParameter { Value = _importId });
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Not back to the pool with the lock, however unlikely a live connection that failed to unlock.
            NpgsqlConnection.ClearPool(_connection);
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
