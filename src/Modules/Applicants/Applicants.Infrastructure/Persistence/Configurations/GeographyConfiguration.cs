using Applicants.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(2);
        builder.Property(r => r.NameFr).HasMaxLength(100);
        builder.Property(r => r.NameAr).HasMaxLength(100);
    }
}

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ToTable("provinces");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(6);
        builder.Property(p => p.RegionCode).HasMaxLength(2);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.NameFr).HasMaxLength(100);
        builder.Property(p => p.NameAr).HasMaxLength(100);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.ToTable("communes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(12);
        builder.Property(c => c.ProvinceCode).HasMaxLength(6);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.NameFr).HasMaxLength(100);
        builder.Property(c => c.NameAr).HasMaxLength(100);
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }
}
