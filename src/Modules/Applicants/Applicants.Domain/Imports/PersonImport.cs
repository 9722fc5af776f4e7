using BuildingBlocks.Domain;

namespace Applicants.Domain.Imports;

public readonly record struct PersonImportId(Guid Value) : IStronglyTypedId
{
    public static PersonImportId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The spreadsheet formats staff collect registrations in.</summary>
public enum ImportFormat
{
    /// <summary>Comma- or semicolon-separated text, UTF-8.</summary>
    Csv,

    /// <summary>An Excel 2007+ workbook; its first sheet is read.</summary>
    Xlsx,
}

/// <summary>Where an import stands.</summary>
public enum ImportStatus
{
    /// <summary>Received and stored; waiting for a worker.</summary>
    Queued,

    /// <summary>A worker is registering its lines.</summary>
    Running,

    /// <summary>Every line was registered or refused.</summary>
    Completed,
}

/// <summary>Who sent an import, as the lines are registered on his behalf and within his provinces.</summary>
/// <param name="UserId">The staff account.</param>
/// <param name="Roles">Its roles when the file was sent.</param>
/// <param name="Provinces">Its provinces when the file was sent.</param>
/// <param name="Language">The language its refusals are written in (ar, fr or en).</param>
public sealed record Importer(Guid UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> Provinces, string Language);

/// <summary>
/// A file of registrations collected in the field (a caravan stop, a partner's office), registered
/// line by line with the same rules as the API: each line is registered whole or refused whole,
/// never half. The file itself is kept beside it (<see cref="PersonImportFile"/>) until it is done.
/// </summary>
public sealed class PersonImport : AggregateRoot<PersonImportId>
{
    private PersonImport()
    {
        Sha256 = Language = string.Empty;
    }

    public string? FileName { get; private set; }

    public ImportFormat Format { get; private set; }

    /// <summary>The file's SHA-256, hex: the same file sent again is the same import.</summary>
    public string Sha256 { get; private set; }

    public ImportStatus Status { get; private set; }

    public Guid ImportedBy { get; private set; }

    public IReadOnlyList<string> ImporterRoles { get; private set; } = [];

    public IReadOnlyList<string> ImporterProvinces { get; private set; } = [];

    /// <summary>The language refusals are written in: the importer's when he sent the file.</summary>
    public string Language { get; private set; }

    public Importer Importer => new(ImportedBy, ImporterRoles, ImporterProvinces, Language);

    /// <summary>Data lines in the file, known once a worker has read it.</summary>
    public int? Lines { get; private set; }

    public DateTimeOffset ReceivedOn { get; private set; }

    public DateTimeOffset? StartedOn { get; private set; }

    public DateTimeOffset? CompletedOn { get; private set; }

    public static PersonImport Receive(string? fileName, ImportFormat format, string sha256, Importer importer, DateTimeOffset now) =>
        new()
        {
            Id = PersonImportId.New(),
            FileName = fileName,
            Format = format,
            Sha256 = sha256,
            ImportedBy = importer.UserId,
            ImporterRoles = [.. importer.Roles],
            ImporterProvinces = [.. importer.Provinces],
            Language = importer.Language,
            Status = ImportStatus.Queued,
            ReceivedOn = now,
        };

    /// <summary>A worker takes it (again, after a crash: the lines already done are skipped).</summary>
    public void Start(int lines, DateTimeOffset now)
    {
        Lines = lines;
        StartedOn ??= now;
        if (Status != ImportStatus.Completed)
        {
            Status = ImportStatus.Running;
        }
    }

    public void Complete(DateTimeOffset now)
    {
        Status = ImportStatus.Completed;
        CompletedOn = now;
    }
}

/// <summary>The file of an import, apart so that reading an import's progress never loads it.</summary>
public sealed class PersonImportFile : AggregateRoot<PersonImportId>
{
    private PersonImportFile()
    {
        Content = [];
    }

    public byte[] Content { get; private set; }

    public static PersonImportFile For(PersonImportId import, byte[] content) => new() { Id = import, Content = content };
}

/// <summary>What became of one line of an import.</summary>
public enum LineOutcome
{
    /// <summary>A new person was registered.</summary>
    Registered,

    /// <summary>The line breaks a rule; nothing of it was written.</summary>
    Refused,

    /// <summary>A person with this CIN was already registered (by an earlier import of the same file, for instance).</summary>
    AlreadyRegistered,
}

/// <summary>One refused value of a line: the column and the rule, in the importer's language.</summary>
/// <param name="Column">The template column (<c>birth_date</c>), or <c>line</c> for a rule about the whole line.</param>
/// <param name="Message">The rule the value breaks.</param>
public sealed record LineError(string Column, string Message);

public readonly record struct ImportedLineId(Guid Value) : IStronglyTypedId
{
    public static ImportedLineId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// The outcome of one line, written in the transaction that registered it (or alone when refused),
/// one per line and import: a worker that resumes after a crash skips the lines that have one.
/// </summary>
public sealed class ImportedLine : AggregateRoot<ImportedLineId>
{
    private ImportedLine()
    {
        Errors = [];
    }

    public PersonImportId ImportId { get; private set; }

    public int Line { get; private set; }

    public LineOutcome Outcome { get; private set; }

    /// <summary>The person registered, or the one already registered under this CIN when the caller may read it.</summary>
    public Guid? PersonId { get; private set; }

    public IReadOnlyList<LineError> Errors { get; private set; }

    /// <summary>How many known persons the one registered resembles (open duplicate candidates for staff to merge or dismiss).</summary>
    public int LikelyDuplicates { get; private set; }

    public void Resembles(int persons) => LikelyDuplicates = persons;

    public static ImportedLine Of(PersonImportId import, int line, LineOutcome outcome, Guid? personId, IReadOnlyList<LineError> errors) =>
        new() { Id = ImportedLineId.New(), ImportId = import, Line = line, Outcome = outcome, PersonId = personId, Errors = errors };
}
