using Applicants.Domain.Applications;
using Applicants.Domain.Campaigns;
using Applicants.Domain.Duplicates;
using Applicants.Domain.Geography;
using Applicants.Domain.Groups;
using Applicants.Domain.Imports;
using Applicants.Domain.Persons;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Abstractions;

/// <summary>The module's data, as its handlers see it. Commands change tracked aggregates; the unit of work saves.</summary>
public interface IApplicantsDbContext
{
    DbSet<Region> Regions { get; }

    DbSet<Province> Provinces { get; }

    DbSet<Commune> Communes { get; }

    DbSet<Person> Persons { get; }

    DbSet<PersonImport> PersonImports { get; }

    DbSet<PersonImportFile> PersonImportFiles { get; }

    DbSet<ImportedLine> ImportedLines { get; }
    DbSet<DuplicateCandidate> DuplicateCandidates { get; }

    DbSet<ProjectApplication> Applications { get; }

    DbSet<Group> Groups { get; }

    DbSet<Campaign> Campaigns { get; }

    DbContext Context { get; }
}
