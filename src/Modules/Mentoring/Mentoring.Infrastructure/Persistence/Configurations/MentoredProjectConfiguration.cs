using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mentoring.Infrastructure.Persistence.Configurations;

internal sealed class MentoredProjectConfiguration : IEntityTypeConfiguration<MentoredProject>
{
    public void Configure(EntityTypeBuilder<MentoredProject> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Sector).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CommuneCode).HasMaxLength(12);
        builder.Property(p => p.ProvinceCode).HasMaxLength(6);
        builder.Property(p => p.CoordinatorEmail).HasMaxLength(256);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.MentorId, p.Status });
        builder.HasIndex(p => new { p.ProvinceCode, p.Status });
        builder.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.ProjectId);
        builder.HasMany(p => p.Assignments).WithOne().HasForeignKey(a => a.ProjectId);
        builder.Navigation(p => p.Visits).AutoInclude();
        builder.Navigation(p => p.Assignments).AutoInclude();
    }
}

internal sealed class FollowUpVisitConfiguration : IEntityTypeConfiguration<FollowUpVisit>
{
    public void Configure(EntityTypeBuilder<FollowUpVisit> builder)
    {
        builder.ToTable("visits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.EnterpriseState).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.RescheduleReason).HasMaxLength(500);
        builder.Property(v => v.Problems).HasMaxLength(2000);
        builder.Property(v => v.Recommendations).HasMaxLength(2000);
        // The reminder job selects the planned visits by due day.
        builder.HasIndex(v => new { v.DueOn, v.ProjectId }).HasFilter("status = 'Planned'").HasDatabaseName("ix_visits_planned_due");
        builder.HasIndex(v => new { v.ProjectId, v.Number }).IsUnique();
    }
}

internal sealed class MentorAssignmentConfiguration : IEntityTypeConfiguration<MentorAssignment>
{
    public void Configure(EntityTypeBuilder<MentorAssignment> builder)
    {
        builder.ToTable("assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.HasIndex(a => new { a.ProjectId, a.AssignedOn });
    }
}
