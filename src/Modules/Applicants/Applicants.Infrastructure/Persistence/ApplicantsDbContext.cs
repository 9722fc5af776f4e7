using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using Applicants.Domain.Campaigns;
using Applicants.Domain.Duplicates;
using Applicants.Domain.Geography;
using Applicants.Domain.Groups;
using Applicants.Domain.Imports;
using Applicants.Domain.Persons;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigrams index the folded names for search in either script.
        modelBuilder.HasPostgresExtension("pg_trgm");
        // A line's errors are a JSON value of their line (ImportedLineConfiguration), never rows of their own.
        modelBuilder.Ignore<LineError>();
        // Eligibility checks are a value stored as JSON on the application, never an entity of their own.
        modelBuilder.Ignore<EligibilityCheck>();
        base.OnModelCreating(modelBuilder);
    }
}
