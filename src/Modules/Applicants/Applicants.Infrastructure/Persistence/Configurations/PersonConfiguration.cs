using Applicants.Domain.Geography;
using Applicants.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    /// <summary>The stored tsvector of <see cref="Person.NameTokens"/> (a shadow property: the domain keeps the tokens).</summary>
    public const string NameSearch = "NameSearch";

    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Cin).HasConversion(c => c.Value, v => Cin.Parse(v)).HasMaxLength(12);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.FirstNameAr).HasMaxLength(100);
        builder.Property(p => p.LastNameAr).HasMaxLength(100);
        builder.Property(p => p.NameKey).HasMaxLength(410);
        // Name search (issue 15): the folded tokens as a tsvector kept by PostgreSQL, under a GIN
        // index that serves prefix queries (muhamed:* & alaui:*) and whose statistics tell the
        // planner how common each name is.
        builder.PrimitiveCollection(p => p.NameTokens);
        builder.Property<NpgsqlTsVector>(NameSearch)
            .HasComputedColumnSql("array_to_tsvector(name_tokens)", stored: true);
        // fastupdate off: with it, registrations pile up in the index's pending list, which every
        // search then reads through in full (2.5 ms per condition after a few thousand
        // registrations on a million persons, against 0.02 ms; docs/benchmarks.md). A registration
        // pays the index update itself instead: searches outnumber registrations.
        builder.HasIndex(NameSearch).HasMethod("gin").HasStorageParameter("fastupdate", false);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Phone).HasConversion(p => p.Value, v => MoroccanPhone.Parse(v)).HasMaxLength(13);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.CommuneCode).HasMaxLength(12);
        builder.Property(p => p.ProvinceCode).HasMaxLength(6);
        builder.Property(p => p.EducationLevel).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Disability).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(p => p.Categories).ElementType(e => e.HasConversion<string>());
        builder.Property(p => p.OtherCategoryJustification).HasMaxLength(500);
        builder.Property(p => p.EmploymentStatus).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(p => p.Cin).IsUnique();
        builder.HasIndex(p => new { p.ProvinceCode, p.RegisteredOn });
        // The lists' default order (-registeredOn, id): a search for a common first name walks it
        // and stops at a page. (With trigram search it was a trap: the planner, blind to how common
        // a LIKE pattern is, walked it for rare full names too and took seconds; docs/benchmarks.md.)
        builder.HasIndex(p => new { p.RegisteredOn, p.Id }).IsDescending(true, false);
        // Duplicate detection looks for the same birth date anywhere, or a near one in the same commune.
        builder.HasIndex(p => new { p.CommuneCode, p.BirthDate });
        builder.HasIndex(p => p.BirthDate);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(p => p.CommuneCode).OnDelete(DeleteBehavior.Restrict);
    }
}
