using Applicants.Application.Abstractions;
using Applicants.Domain.Imports;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Imports;

/// <summary>An import and its counts so far. Its sender reads it, and the staff who see every province; anyone else gets 404.</summary>
public sealed record GetPersonImportQuery(Guid ImportId) : IQuery<PersonImportDto>;

/// <summary>The lines of an import, in file order, optionally of one outcome.</summary>
/// <param name="ImportId">The import.</param>
/// <param name="Outcome">Only lines with this outcome (Registered, Refused, AlreadyRegistered).</param>
/// <param name="LikelyDuplicates">true: only lines whose person resembles a known one; false: only the others.</param>
/// <param name="Sort">Comma-separated fields among line and outcome, each prefixed by - for descending order; by line when left out.</param>
public sealed record GetImportedLinesQuery(Guid ImportId, LineOutcome? Outcome, bool? LikelyDuplicates, int Page = PageDefaults.Page, int PageSize = PageDefaults.PageSize, string? Sort = null)
    : IQuery<PagedResult<ImportedLineDto>>, IPagedQuery;

internal sealed class GetImportedLinesQueryValidator : AbstractValidator<GetImportedLinesQuery>
{
    public GetImportedLinesQueryValidator()
    {
        this.RulesForPaging(GetImportedLinesQueryHandler.Sorts);
        RuleFor(q => q.Outcome).IsInEnum();
    }
}

internal static class ImportAccess
{
    /// <summary>The import if the caller may read it: he sent it, or he sees every province.</summary>
    public static async Task<PersonImport> ReadableAsync(IApplicantsDbContext db, ICurrentUser caller, Guid id, CancellationToken cancellationToken)
    {
        var import = await db.PersonImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == new PersonImportId(id), cancellationToken);
        var nationwide = caller.Kind == CallerKind.Staff && ProvinceAccess.For(caller).All;
        return import is not null && (import.ImportedBy == caller.UserId || nationwide) ? import : throw new NotFoundException();
    }
}

internal sealed class GetPersonImportQueryHandler(IApplicantsDbContext db, ICurrentUser caller) : IQueryHandler<GetPersonImportQuery, PersonImportDto>
{
    public async ValueTask<PersonImportDto> Handle(GetPersonImportQuery query, CancellationToken cancellationToken)
    {
        var import = await ImportAccess.ReadableAsync(db, caller, query.ImportId, cancellationToken);
        var counts = await db.ImportedLines.AsNoTracking()
            .Where(l => l.ImportId == import.Id)
            .GroupBy(l => l.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count(), Flagged = g.Count(l => l.LikelyDuplicates > 0) })
            .ToDictionaryAsync(g => g.Outcome, cancellationToken);
        return new PersonImportDto
        {
            Id = import.Id.Value,
            FileName = import.FileName,
            Format = import.Format,
            Status = import.Status,
            Lines = import.Lines,
            Processed = counts.Values.Sum(c => c.Count),
            Registered = counts.GetValueOrDefault(LineOutcome.Registered)?.Count ?? 0,
            Refused = counts.GetValueOrDefault(LineOutcome.Refused)?.Count ?? 0,
            AlreadyRegistered = counts.GetValueOrDefault(LineOutcome.AlreadyRegistered)?.Count ?? 0,
            FlaggedAsLikelyDuplicates = counts.Values.Sum(c => c.Flagged),
            ReceivedOn = import.ReceivedOn,
            StartedOn = import.StartedOn,
            CompletedOn = import.CompletedOn,
        };
    }
}

internal sealed class GetImportedLinesQueryHandler(IApplicantsDbContext db, ICurrentUser caller) : IQueryHandler<GetImportedLinesQuery, PagedResult<ImportedLineDto>>
{
    internal static readonly SortMap<ImportedLine> Sorts = new SortMap<ImportedLine>()
        .Add("line", l => l.Line)
        .Add("outcome", l => l.Outcome)
        .TieBreaker(l => l.Id);

    public async ValueTask<PagedResult<ImportedLineDto>> Handle(GetImportedLinesQuery query, CancellationToken cancellationToken)
    {
        var import = await ImportAccess.ReadableAsync(db, caller, query.ImportId, cancellationToken);
        var lines = db.ImportedLines.AsNoTracking().Where(l => l.ImportId == import.Id);
        if (query.Outcome is { } outcome)
        {
            lines = lines.Where(l => l.Outcome == outcome);
        }

        if (query.LikelyDuplicates is { } flagged)
        {
            lines = lines.Where(l => (l.LikelyDuplicates > 0) == flagged);
        }

        return await Sorts.Apply(lines, query.Sort, "line")
            .Select(l => new ImportedLineDto { Line = l.Line, Outcome = l.Outcome, PersonId = l.PersonId, LikelyDuplicates = l.LikelyDuplicates, Errors = l.Errors })
            .ToPageAsync(query, cancellationToken);
    }
}
