using Applicants.Domain.Campaigns;
using Applicants.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.OrganiserName).HasMaxLength(200);
        builder.HasIndex(c => c.StartsOn);
        builder.HasMany(c => c.Stops).WithOne().HasForeignKey("campaign_id").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Stops).AutoInclude();
    }
}

internal sealed class CampaignStopConfiguration : IEntityTypeConfiguration<CampaignStop>
{
    public void Configure(EntityTypeBuilder<CampaignStop> builder)
    {
        builder.ToTable("campaign_stops");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.CommuneCode).HasMaxLength(12);
        builder.Property(s => s.ProvinceCode).HasMaxLength(6);
        builder.HasIndex(s => s.ProvinceCode);
        builder.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneCode).OnDelete(DeleteBehavior.Restrict);
    }
}
