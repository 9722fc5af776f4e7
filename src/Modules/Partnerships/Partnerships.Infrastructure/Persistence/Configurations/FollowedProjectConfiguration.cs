using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerships.Domain.Projects;

namespace Partnerships.Infrastructure.Persistence.Configurations;

internal sealed class FollowedProjectConfiguration : IEntityTypeConfiguration<FollowedProject>
{
    public void Configure(EntityTypeBuilder<FollowedProject> builder)
    {
        builder.ToTable("followed_projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Stage).HasMaxLength(50);
        builder.Property(p => p.Outcome).HasMaxLength(50);
        builder.Property(p => p.History).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<StageChange>(), JsonColumn.Comparer<StageChange>());
        // A partner's feed: the projects it follows, in the order they changed here.
        builder.HasIndex(p => p.PartnerIds).HasMethod("gin");
        builder.HasIndex(p => new { p.RecordedAt, p.Id });
    }
}
