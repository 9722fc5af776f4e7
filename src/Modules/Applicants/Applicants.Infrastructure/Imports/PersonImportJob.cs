using System.Globalization;
using Applicants.Application.Imports;
using Applicants.Domain.Imports;
using Applicants.Domain.Persons;
using Applicants.Infrastructure.Persistence;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Messaging;
using FluentValidation;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Applicants.Infrastructure.Imports;

/// <summary>Configuration section <c>Imports</c>.</summary>
public sealed class PersonImportOptions
{
    public const string Section = "Imports";

    /// <summary>
    /// Lines registered in one transaction, a savepoint each: a refused line rolls back to its
    /// savepoint alone, and the chunk's registrations and their outcomes commit together. One
    /// commit (one wait for the disk) per chunk instead of per line; progress moves per chunk.
    /// </summary>
    public int LinesPerTransaction { get; set; } = 100;

    /// <summary>Chunks registered at once, each on its own connection.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// How long an import may stay Queued, or Running with no worker holding it, before the sweep
    /// hands it to a worker again (<see cref="Jobs.StuckImportsJob"/>). Longer than a job takes to
    /// reach a worker when the queue is busy; a sweep that comes too early only costs a job that
    /// finds the import taken or done.
    /// </summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When the sweep for stuck imports runs (cron, Africa/Casablanca time): every five minutes by default.</summary>
    public string SweepCron { get; set; } = "*/5 * * * *";
}

/// <summary>
/// Registers an import's lines through <c>RegisterPersonCommand</c> (the API's rules, on the
/// importer's behalf and within his provinces), <see cref="PersonImportOptions.LinesPerTransaction"/>
/// lines per transaction: each line behind a savepoint, in a scope of its own (a fresh change
/// tracker, so memory stays flat over 50,000 lines) sharing the chunk's connection and transaction,
/// and the chunk's outcomes written in that same transaction. A line is registered whole or not at
/// all, and is registered exactly when its outcome is recorded: a worker that dies loses its
/// current chunks whole, and the next one (a Hangfire retry, or the sweep) skips the lines that
/// have an outcome. The import is held by a <see cref="PersonImportClaim"/> meanwhile, so two jobs
/// for one import never work at once.
/// </summary>
public sealed partial class PersonImportJob(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    DispatchSignal outbox,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<PersonImportOptions> options,
    ILogger<PersonImportJob> logger)
{
    private const string LineSavepoint = "import_line";
    private const int DeadlockAttempts = 3;

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var claim = await PersonImportClaim.TryTakeAsync(dataSource, importId, cancellationToken);
        if (claim is null)
        {
            LogTaken(logger, importId);
            return;
        }

        var id = new PersonImportId(importId);
        Importer importer;
        ImportFormat format;
        byte[] content;
        HashSet<int> done;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicantsDbContext>();
            var import = await db.PersonImports.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
            if (import is null || import.Status == ImportStatus.Completed)
            {
                return;
            }

            var file = await db.PersonImportFiles.Where(f => f.Id == id).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);
            if (file is null)
            {
                // Only completion deletes the file, in the transaction that marks the import
                // Completed: an import without it was changed by hand. Retrying cannot help.
                LogFileGone(logger, importId, import.Status);
                return;
            }

            importer = import.Importer;
            format = import.Format;
            content = file;
            done = [.. await db.ImportedLines.Where(l => l.ImportId == id).Select(l => l.Line).ToListAsync(cancellationToken)];
            // A first pass only counts the lines (nothing is kept), so that progress has a total.
            using (InLanguage(importer.Language))
            {
                import.Start(PersonImportFiles.Lines(content, format).Count(), clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        LogStarted(logger, importId, done.Count);
        using (InLanguage(importer.Language))
        {
            var settings = options.Value;
            // Chunks are read from the file as workers take them: no more than Parallelism chunks are held at once.
            var chunks = PersonImportFiles.Lines(content, format).Where(l => !done.Contains(l.Line)).Chunk(Math.Max(1, settings.LinesPerTransaction));
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(chunks, parallel, async (chunk, ct) => await RegisterChunkAsync(id, importer, chunk, ct));
            await CompleteAsync(id, cancellationToken);
        }

        LogCompleted(logger, importId);
    }

    private async Task RegisterChunkAsync(PersonImportId import, Importer importer, FileLine[] lines, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcomes = new List<ImportedLine>(lines.Length);
        foreach (var line in lines)
        {
            outcomes.Add(await RegisterAsync(connection, transaction, import, importer, line, cancellationToken));
        }

        await RecordAsync(connection, transaction, outcomes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The registrations wrote person events to the outbox: the relay need not wait for its next poll.
        outbox.Notify();
    }

    private async Task<ImportedLine> RegisterAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        PersonImportId import,
        Importer importer,
        FileLine line,
        CancellationToken cancellationToken)
    {
        ImportedLine Refused(IEnumerable<LineError> errors) => ImportedLine.Of(import, line.Line, LineOutcome.Refused, null, [.. errors]);

        if (line.Unstorable.Count > 0)
        {
            return Refused(line.Unstorable.Select(c => new LineError(c, ProblemTexts.UnstorableText.ToString())));
        }

        var (command, errors) = PersonImportColumns.ToCommand(line.Values);
        if (command is null)
        {
            return Refused(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            await transaction.SaveAsync(LineSavepoint, cancellationToken);
            try
            {
                await using var scope = await JoinedScopeAsync(connection, transaction, cancellationToken);
                scope.ServiceProvider.GetRequiredService<IActingCaller>().ActAs(importer.UserId, importer.Roles, importer.Provinces);
                var person = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
                await transaction.ReleaseAsync(LineSavepoint, cancellationToken);
                return ImportedLine.Of(import, line.Line, LineOutcome.Registered, person, []);
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing of the line stays: its person, candidates and outbox message go with the savepoint.
                await transaction.RollbackAsync(LineSavepoint, CancellationToken.None);
                await transaction.ReleaseAsync(LineSavepoint, CancellationToken.None);
                if (IsDeadlock(failure) && attempt < DeadlockAttempts)
                {
                    // Two chunks registering the same CINs in opposite orders: one gives way and tries again.
                    continue;
                }

                return OutcomeOf(import, line, failure) ?? throw new InvalidOperationException($"Line {line.Line} of import {import} failed.", failure);
            }
        }
    }

    /// <summary>The outcome a failed registration gives its line, or null when it is not the line's fault (the job fails and is retried).</summary>
    private static ImportedLine? OutcomeOf(PersonImportId import, FileLine line, Exception failure)
    {
        ImportedLine Refused(IEnumerable<LineError> errors) => ImportedLine.Of(import, line.Line, LineOutcome.Refused, null, [.. errors]);

        return failure switch
        {
            ValidationException invalid => Refused(invalid.Errors.Select(e => new LineError(PersonImportColumns.ColumnOf(e.PropertyName), e.ErrorMessage)).Distinct()),
            ConflictException { Code: "person.cin-taken" } conflict => ImportedLine.Of(
                import,
                line.Line,
                LineOutcome.AlreadyRegistered,
                Guid.TryParse(conflict.ExistingLocation?.Split('/').Last(), out var found) ? found : null,
                []),
            // The same CIN on two lines registered at the same instant by two chunks: the unique index keeps one.
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                ImportedLine.Of(import, line.Line, LineOutcome.AlreadyRegistered, null, []),
            ConflictException conflict => Refused([new LineError("line", conflict.Text.ToString())]),
            BusinessRuleException rule => Refused([new LineError("line", rule.Text.ToString())]),
            ForbiddenException => Refused([new LineError("commune_code", ProblemTexts.OutsideProvinces.ToString())]),
            _ => null,
        };
    }

    private static bool IsDeadlock(Exception failure) =>
        (failure as PostgresException ?? failure.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.DeadlockDetected;

    /// <summary>A scope whose Applicants context works on the chunk's connection, inside its transaction (the unit of work joins it).</summary>
    private async Task<JoinedScope> JoinedScopeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicantsDbContext>();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new JoinedScope(scope, db);
    }

    /// <summary>
    /// The context is pooled: before it goes back, it lets go of the chunk's connection (which the
    /// chunk disposes), so that the next lease opens its own from the data source again.
    /// </summary>
    private sealed class JoinedScope(AsyncServiceScope scope, ApplicantsDbContext db) : IAsyncDisposable
    {
        public IServiceProvider ServiceProvider => scope.ServiceProvider;

        public async ValueTask DisposeAsync()
        {
            db.Database.SetDbConnection(null, contextOwnsConnection: true);
            await scope.DisposeAsync();
        }
    }

    private async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<ImportedLine> outcomes, CancellationToken cancellationToken)
    {
        await using var scope = await JoinedScopeAsync(connection, transaction, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<ApplicantsDbContext>();
        // The registration recorded its likely duplicates; the report flags the lines that have some.
        var registered = outcomes.Where(o => o.PersonId is not null && o.Outcome == LineOutcome.Registered).Select(o => new PersonId(o.PersonId!.Value)).ToList();
        var resemblances = registered.Count == 0
            ? []
            : await db.DuplicateCandidates.IgnoreQueryFilters()
                .Where(c => registered.Contains(c.PersonId))
                .GroupBy(c => c.PersonId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key.Value, g => g.Count, cancellationToken);
        foreach (var outcome in outcomes.Where(o => o.PersonId is { } p && resemblances.ContainsKey(p)))
        {
            outcome.Resembles(resemblances[outcome.PersonId!.Value]);
        }

        db.ImportedLines.AddRange(outcomes);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CompleteAsync(PersonImportId id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicantsDbContext>();
        var import = await db.PersonImports.SingleAsync(i => i.Id == id, cancellationToken);
        import.Complete(clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // The file holds CINs, names and phones: once every line is in the database, it goes (law 09-08).
        await db.PersonImportFiles.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Refusals are written in the importer's language, whatever thread the worker runs on.</summary>
    private static Language InLanguage(string language) => new(CultureInfo.GetCultureInfo(language));

    private readonly struct Language : IDisposable
    {
        private readonly CultureInfo _culture;
        private readonly CultureInfo _uiCulture;

        public Language(CultureInfo culture)
        {
            _culture = CultureInfo.CurrentCulture;
            _uiCulture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} started; {Done} lines already done")]
    private static partial void LogStarted(ILogger logger, Guid importId, int done);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} completed")]
    private static partial void LogCompleted(ILogger logger, Guid importId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} is held by another worker; this job leaves it")]
    private static partial void LogTaken(ILogger logger, Guid importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} is {Status} but its file is gone (deleted only on completion: changed by hand?); it cannot go on")]
    private static partial void LogFileGone(ILogger logger, Guid importId, ImportStatus status);
}
