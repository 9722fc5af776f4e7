using System.Linq.Expressions;
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

    /// <summary>
    /// Whether a person's name matches a search text in either script, whatever the spelling: each word
    /// of the text is one of the person's <see cref="Person.NameTokens"/> (or the whole text,
    /// folded as one word, does). A text without a letter or a digit matches no one.
    /// </summary>
    Expression<Func<Person, bool>> NameMatches(string text);
}
