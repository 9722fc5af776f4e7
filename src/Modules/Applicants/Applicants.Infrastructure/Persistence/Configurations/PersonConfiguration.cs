using Applicants.Domain.Geography;
using Applicants.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
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
        // Trigram index: name search is LIKE '%…%' on the folded names, which a B-tree cannot serve.
        builder.HasIndex(p => p.NameKey).HasMethod("gin").HasOperators("gin_trgm_ops");
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
        // No index in the lists' default order (-registeredOn, id): tried on a million persons, the
        // planner walked it for full names it thought common and took seconds (docs/benchmarks.md, issue 15).
        // Duplicate detection looks for the same birth date anywhere, or a near one in the same commune.
        builder.HasIndex(p => new { p.CommuneCode, p.BirthDate });
        builder.HasIndex(p => p.BirthDate);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(p => p.CommuneCode).OnDelete(DeleteBehavior.Restrict);
    }
}
