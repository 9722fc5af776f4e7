using System.Linq.Expressions;
using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using Applicants.Domain.Campaigns;
using Applicants.Domain.Duplicates;
using Applicants.Domain.Geography;
using Applicants.Domain.Groups;
using Applicants.Domain.Imports;
using Applicants.Domain.Persons;
using Applicants.Infrastructure.Persistence.Configurations;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Applicants.Infrastructure.Persistence;

/// <summary>The applicants schema: the reference geography, persons, and (next) groups and applications.</summary>
internal sealed class ApplicantsDbContext(DbContextOptions<ApplicantsDbContext> options)
    : ModuleDbContext(options), IApplicantsDbContext
{
    public const string SchemaName = "applicants";

    public override string Schema => SchemaName;

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<PersonImport> PersonImports => Set<PersonImport>();

    public DbSet<PersonImportFile> PersonImportFiles => Set<PersonImportFile>();

    public DbSet<ImportedLine> ImportedLines => Set<ImportedLine>();
    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();

    public DbSet<ProjectApplication> Applications => Set<ProjectApplication>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbContext Context => this;

    public Expression<Func<Person, bool>> NameMatches(string text)
    {
        var (words, whole) = NormalisedName.SearchTerms(text);
        if (words.Count == 0)
        {
            return _ => false;
        }

        // Every word of the text is a word of the name (any order, any spelling); or the text, its
        // words joined, is a run of the name written apart (~…) or one word of it written together.
        // Whole words only, and the alternatives as separate conditions: GIN then intersects the
        // words' posting lists and skips through them, where a prefix (muhamed:*) or an OR inside
        // one tsquery made it read every entry in full — 24–27 ms instead of 7 ms for "Mohamed
        // Alaoui" on a million persons (docs/benchmarks.md, issue 15).
        var every = words.Select(Lexeme).Aggregate((left, right) => new NpgsqlTsQueryAnd(left, right));
        var apart = Lexeme(NormalisedName.JoinedMark + whole);
        // Inlined rather than parameters: the plan depends on how common the words are (a first
        // name shared by tens of thousands walks the default order's index and stops at a page, a
        // full name takes the few rows the GIN index gives), which a prepared statement's generic
        // plan could not tell apart.
        if (words.Count == 1)
        {
            return p => EF.Property<NpgsqlTsVector>(p, PersonConfiguration.NameSearch).Matches(EF.Constant(every))
                || EF.Property<NpgsqlTsVector>(p, PersonConfiguration.NameSearch).Matches(EF.Constant(apart));
        }

        var together = Lexeme(whole);
        return p => EF.Property<NpgsqlTsVector>(p, PersonConfiguration.NameSearch).Matches(EF.Constant(every))
            || EF.Property<NpgsqlTsVector>(p, PersonConfiguration.NameSearch).Matches(EF.Constant(apart))
            || EF.Property<NpgsqlTsVector>(p, PersonConfiguration.NameSearch).Matches(EF.Constant(together));
    }

    private static NpgsqlTsQuery Lexeme(string text) => new NpgsqlTsQueryLexeme(text);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigrams index the groups' folded names for search in either script (persons: name tokens).
        modelBuilder.HasPostgresExtension("pg_trgm");
        // A line's errors are a JSON value of their line (ImportedLineConfiguration), never rows of their own.
        modelBuilder.Ignore<LineError>();
        // Eligibility checks are a value stored as JSON on the application, never an entity of their own.
        modelBuilder.Ignore<EligibilityCheck>();
        base.OnModelCreating(modelBuilder);
    }
}
