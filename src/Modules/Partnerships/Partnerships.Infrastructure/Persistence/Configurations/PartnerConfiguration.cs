using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerships.Domain.Partners;

namespace Partnerships.Infrastructure.Persistence.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.NameAr).HasMaxLength(200);
        builder.Property(p => p.NameKey).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Acronym).HasMaxLength(30);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.ProvinceCode).HasMaxLength(6);
        builder.Property(p => p.ContactEmail).HasMaxLength(256);
        builder.Property(p => p.ContactPhone).HasMaxLength(20);
        builder.Property(p => p.Ice).HasMaxLength(15);
        builder.Property(p => p.RegistrationNumber).HasMaxLength(50);
        builder.Property(p => p.Contacts).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<PartnerContact>(), JsonColumn.Comparer<PartnerContact>());
        builder.Property(p => p.ProvincesOfAction).HasColumnType("text[]").HasConversion(
            v => v.ToArray(), v => v.ToList(), JsonColumn.Comparer<string>());
        builder.HasIndex(p => p.NameKey).IsUnique();
        builder.HasIndex(p => new { p.Type, p.ProvinceCode });
        builder.HasIndex(p => p.ProvinceCode);
    }
}
