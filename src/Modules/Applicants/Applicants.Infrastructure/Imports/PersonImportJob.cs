using System.Globalization;
using Applicants.Application.Imports;
using Applicants.Domain.Imports;
using Applicants.Domain.Persons;
using Applicants.Infrastructure.Persistence;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using FluentValidation;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Applicants.Infrastructure.Imports;

/// <summary>Configuration section <c>Imports</c>.</summary>
public sealed class PersonImportOptions
{
    public const string Section = "Imports";

    /// <summary>
    /// Lines registered at once. Each is its own transaction, and a commit waits for the disk: one
    /// at a time, an import runs at the disk's flush rate; several share flushes (group commit).
    /// </summary>
    public int Parallelism { get; set; } = 8;
}

/// <summary>
/// Registers an import's lines, each through <c>RegisterPersonCommand</c> in its own transaction and
/// scope (the API's rules, the importer's roles and provinces, and a fresh change tracker, so memory
/// stays flat over 50,000 lines), <see cref="PersonImportOptions.Parallelism"/> at a time. Outcomes
/// are written every <see cref="Batch"/> lines; a worker that dies in between is retried by Hangfire
/// and skips the lines that have an outcome — a line it had registered but not yet recorded is then
/// found registered (its CIN is taken) and recorded as such: never twice a person.
/// </summary>
public sealed partial class PersonImportJob(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PersonImportOptions> options, ILogger<PersonImportJob> logger)
{
    private const int Batch = 256;

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
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

            importer = import.Importer;
            format = import.Format;
            content = await db.PersonImportFiles.Where(f => f.Id == id).Select(f => f.Content).SingleAsync(cancellationToken);
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
            var batch = new List<FileLine>(Batch);
            foreach (var line in PersonImportFiles.Lines(content, format))
            {
                if (done.Contains(line.Line))
                {
                    continue;
                }

                batch.Add(line);
                if (batch.Count == Batch)
                {
                    await RecordAsync(id, await RegisterAllAsync(id, importer, batch, cancellationToken), complete: false, cancellationToken);
                    batch.Clear();
                }
            }

            await RecordAsync(id, await RegisterAllAsync(id, importer, batch, cancellationToken), complete: true, cancellationToken);
        }

        LogCompleted(logger, importId);
    }

    private async Task<List<ImportedLine>> RegisterAllAsync(PersonImportId import, Importer importer, List<FileLine> lines, CancellationToken cancellationToken)
    {
        var outcomes = new ImportedLine[lines.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, lines.Count), parallel, async (i, ct) => outcomes[i] = await RegisterAsync(import, importer, lines[i], ct));
        return [.. outcomes];
    }

    private async Task<ImportedLine> RegisterAsync(PersonImportId import, Importer importer, FileLine line, CancellationToken cancellationToken)
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

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IActingCaller>().ActAs(importer.UserId, importer.Roles, importer.Provinces);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        try
        {
            var person = await sender.Send(command, cancellationToken);
            return ImportedLine.Of(import, line.Line, LineOutcome.Registered, person, []);
        }
        catch (ValidationException invalid)
        {
            return Refused(invalid.Errors.Select(e => new LineError(PersonImportColumns.ColumnOf(e.PropertyName), e.ErrorMessage)).Distinct());
        }
        catch (ConflictException conflict) when (conflict.Code == "person.cin-taken")
        {
            var existing = Guid.TryParse(conflict.ExistingLocation?.Split('/').Last(), out var found) ? found : (Guid?)null;
            return ImportedLine.Of(import, line.Line, LineOutcome.AlreadyRegistered, existing, []);
        }
        catch (DbUpdateException race) when (race.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same CIN twice in one file, both lines registered at the same instant: the index keeps one.
            return ImportedLine.Of(import, line.Line, LineOutcome.AlreadyRegistered, null, []);
        }
        catch (ConflictException conflict)
        {
            return Refused([new LineError("line", conflict.Text.ToString())]);
        }
        catch (BusinessRuleException rule)
        {
            return Refused([new LineError("line", rule.Text.ToString())]);
        }
        catch (ForbiddenException)
        {
            return Refused([new LineError("commune_code", ProblemTexts.OutsideProvinces.ToString())]);
        }
    }

    private async Task RecordAsync(PersonImportId id, List<ImportedLine> outcomes, bool complete, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicantsDbContext>();
        // The registration recorded its likely duplicates; the report flags the lines that have some.
        var registered = outcomes.Where(o => o.PersonId is not null && o.Outcome == LineOutcome.Registered).Select(o => new PersonId(o.PersonId!.Value)).ToList();
        var resemblances = await db.DuplicateCandidates.IgnoreQueryFilters()
            .Where(c => registered.Contains(c.PersonId))
            .GroupBy(c => c.PersonId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key.Value, g => g.Count, cancellationToken);
        foreach (var outcome in outcomes.Where(o => o.PersonId is { } p && resemblances.ContainsKey(p)))
        {
            outcome.Resembles(resemblances[outcome.PersonId!.Value]);
        }

        db.ImportedLines.AddRange(outcomes);
        if (!complete)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

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
}
