using Financing.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Financing.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.NameFr).HasMaxLength(200);
        builder.Property(p => p.NameAr).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.PrimitiveCollection(p => p.ProvinceCodes).ElementType(e => e.HasMaxLength(6));
        builder.PrimitiveCollection(p => p.TargetCategories).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(p => p.Instruments).ElementType(e => e.HasConversion<string>());
        builder.Property(p => p.OwnContributionRate).HasPrecision(5, 4);
        builder.Property(p => p.CoordinatorEmail).HasMaxLength(256);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(p => p.Envelope);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasIndex(p => new { p.Status, p.StartsOn });
        builder.HasMany(p => p.Funders).WithOne().HasForeignKey("programme_id").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Funders).HasField("_funders");
        builder.HasMany(p => p.Tranches).WithOne().HasForeignKey("programme_id").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Tranches).HasField("_tranches");
    }
}

internal sealed class ProgrammeFunderConfiguration : IEntityTypeConfiguration<ProgrammeFunder>
{
    public void Configure(EntityTypeBuilder<ProgrammeFunder> builder)
    {
        builder.ToTable("programme_funders");
        builder.HasKey(f => f.Id);
        builder.Ignore(f => f.Remaining);
        builder.HasIndex("programme_id", nameof(ProgrammeFunder.PartnerId)).IsUnique();
        builder.HasIndex(f => f.PartnerId);
    }
}

internal sealed class ProgrammeTrancheConfiguration : IEntityTypeConfiguration<ProgrammeTranche>
{
    public void Configure(EntityTypeBuilder<ProgrammeTranche> builder)
    {
        builder.ToTable("programme_tranches");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Share).HasPrecision(5, 4);
        builder.HasIndex("programme_id");
    }
}
