using Applicants.Domain.Imports;
using BuildingBlocks.Contracts;

namespace Applicants.Application.Imports;

/// <summary>An import of registrations and where it stands; the counts move while a worker registers its lines.</summary>
public sealed record PersonImportDto : IApiExample<PersonImportDto>
{
    /// <summary>The import's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The name of the file sent, when the request gave one (the <c>fileName</c> query parameter).</summary>
    public string? FileName { get; init; }

    /// <summary>Csv or Xlsx.</summary>
    public ImportFormat Format { get; init; }

    /// <summary>Queued (waiting for a worker), Running, or Completed.</summary>
    public ImportStatus Status { get; init; }

    /// <summary>Data lines in the file, once a worker has read it; null while queued.</summary>
    public int? Lines { get; init; }

    /// <summary>Lines done so far (registered, refused or already registered).</summary>
    public int Processed { get; init; }

    /// <summary>Lines that registered a new person.</summary>
    public int Registered { get; init; }

    /// <summary>Lines refused, nothing of them written; see <c>GET /api/v1/applicants/imports/{id}/lines?outcome=Refused</c>.</summary>
    public int Refused { get; init; }

    /// <summary>Lines whose CIN was already registered (for instance by an earlier sending of the same lines).</summary>
    public int AlreadyRegistered { get; init; }

    /// <summary>Lines registered that resemble a known person (another spelling, same birth date or commune): see GET /api/v1/duplicates.</summary>
    public int FlaggedAsLikelyDuplicates { get; init; }

    /// <summary>When the file was received (UTC, ISO 8601).</summary>
    public DateTimeOffset ReceivedOn { get; init; }

    /// <summary>When a worker started on it.</summary>
    public DateTimeOffset? StartedOn { get; init; }

    /// <summary>When its last line was done.</summary>
    public DateTimeOffset? CompletedOn { get; init; }

    public static PersonImportDto Example { get; } = new()
    {
        Id = Guid.Parse("0193a2f4-8c1e-7d3a-9b2f-5e8d7c6b4a31"),
        FileName = "caravane-khemisset-2021-12-04.xlsx",
        Format = ImportFormat.Xlsx,
        Status = ImportStatus.Completed,
        Lines = 212,
        Processed = 212,
        Registered = 205,
        Refused = 4,
        AlreadyRegistered = 3,
        FlaggedAsLikelyDuplicates = 2,
        ReceivedOn = new DateTimeOffset(2021, 12, 6, 9, 12, 0, TimeSpan.Zero),
        StartedOn = new DateTimeOffset(2021, 12, 6, 9, 12, 1, TimeSpan.Zero),
        CompletedOn = new DateTimeOffset(2021, 12, 6, 9, 12, 4, TimeSpan.Zero),
    };
}

/// <summary>What became of one line of an import.</summary>
public sealed record ImportedLineDto : IApiExample<ImportedLineDto>
{
    /// <summary>The line in the file (the headings being line 1), as a spreadsheet numbers it.</summary>
    public int Line { get; init; }

    /// <summary>Registered, Refused or AlreadyRegistered.</summary>
    public LineOutcome Outcome { get; init; }

    /// <summary>The person registered, or already registered under this CIN when the caller may read it.</summary>
    public Guid? PersonId { get; init; }

    /// <summary>How many known persons the one registered resembles; each is an open candidate at GET /api/v1/duplicates.</summary>
    public int LikelyDuplicates { get; init; }

    /// <summary>Why a line was refused: each column with the rule it breaks, in the language of the person who sent the file.</summary>
    public required IReadOnlyList<LineError> Errors { get; init; }

    public static ImportedLineDto Example { get; } = new()
    {
        Line = 14,
        Outcome = LineOutcome.Refused,
        Errors = [new LineError("birth_date", "Une date, 1985-03-14 ou 14/03/1985."), new LineError("commune_code", "Aucune commune ne porte ce code ; voir GET /api/v1/geography/communes.")],
    };
}
