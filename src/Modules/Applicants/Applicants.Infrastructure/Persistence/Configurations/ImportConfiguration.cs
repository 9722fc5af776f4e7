using Applicants.Domain.Imports;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class PersonImportConfiguration : IEntityTypeConfiguration<PersonImport>
{
    public void Configure(EntityTypeBuilder<PersonImport> builder)
    {
        builder.ToTable("person_imports");
        builder.HasKey(i => i.Id);
        builder.Ignore(i => i.Importer);
        builder.Property(i => i.FileName).HasMaxLength(255);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.Language).HasMaxLength(5);
        builder.PrimitiveCollection(i => i.ImporterRoles);
        builder.PrimitiveCollection(i => i.ImporterProvinces);
        // The same file sent again by the same person is the same import.
        builder.HasIndex(i => new { i.ImportedBy, i.Sha256 }).IsUnique();
    }
}

internal sealed class PersonImportFileConfiguration : IEntityTypeConfiguration<PersonImportFile>
{
    public void Configure(EntityTypeBuilder<PersonImportFile> builder)
    {
        builder.ToTable("person_import_files");
        builder.HasKey(f => f.Id);
        builder.HasOne<PersonImport>().WithOne().HasForeignKey<PersonImportFile>(f => f.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportedLineConfiguration : IEntityTypeConfiguration<ImportedLine>
{
    public void Configure(EntityTypeBuilder<ImportedLine> builder)
    {
        builder.ToTable("imported_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Errors).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<LineError>(), JsonColumn.Comparer<LineError>());
        // One outcome per line: a worker resuming after a crash can never register a line twice.
        builder.HasIndex(l => new { l.ImportId, l.Line }).IsUnique();
        builder.HasIndex(l => new { l.ImportId, l.Outcome });
        builder.HasOne<PersonImport>().WithMany().HasForeignKey(l => l.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
