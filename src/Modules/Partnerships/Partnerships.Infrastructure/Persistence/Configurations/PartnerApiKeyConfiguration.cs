using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerships.Domain.ApiKeys;
using Partnerships.Domain.Partners;

namespace Partnerships.Infrastructure.Persistence.Configurations;

internal sealed class PartnerApiKeyConfiguration : IEntityTypeConfiguration<PartnerApiKey>
{
    public void Configure(EntityTypeBuilder<PartnerApiKey> builder)
    {
        builder.ToTable("partner_api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Label).HasMaxLength(100);
        builder.Property(k => k.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(k => k.Hint).HasMaxLength(20);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.Scopes).HasColumnType("text[]");
        builder.HasIndex(k => k.PartnerId);
        builder.HasOne<Partner>().WithMany().HasForeignKey(k => k.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
