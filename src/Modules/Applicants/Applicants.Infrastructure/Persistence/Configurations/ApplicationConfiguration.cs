using Applicants.Domain.Applications;
using Applicants.Domain.Geography;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<ProjectApplication>
{
    public void Configure(EntityTypeBuilder<ProjectApplication> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.HolderKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Sector).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CommuneCode).HasMaxLength(12);
        builder.Property(a => a.ProvinceCode).HasMaxLength(6);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EligibilityChecks).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<EligibilityCheck>(), JsonColumn.Comparer<EligibilityCheck>());
        builder.Property(a => a.EligibilityOverride).HasMaxLength(2000);
        builder.HasOne<Commune>().WithMany().HasForeignKey(a => a.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProvinceCode, a.SubmittedOn });
        builder.HasIndex(a => a.HolderId);
        builder.HasIndex(a => new { a.ProgrammeId, a.Stage });
        builder.HasIndex(a => a.ReferringPartnerId);
        // A campaign's counts per stop.
        builder.HasIndex(a => new { a.CampaignId, a.CampaignStopId });

        builder.HasMany(a => a.History).WithOne().HasForeignKey("application_id").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).AutoInclude();
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.ToTable("application_stage_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.FromStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ToStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasMaxLength(30);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.Property(c => c.ActorKind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex("application_id", nameof(StageChange.Sequence)).IsUnique();
    }
}
