using Mentoring.Domain.Trainings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mentoring.Infrastructure.Persistence.Configurations;

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("trainings");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Topic).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Trainer).HasMaxLength(200);
        builder.Property(t => t.CommuneCode).HasMaxLength(12);
        builder.Property(t => t.ProvinceCode).HasMaxLength(6);
        builder.Property(t => t.Venue).HasMaxLength(200);
        builder.HasIndex(t => new { t.ProvinceCode, t.StartsOn });
        builder.HasMany(t => t.Enrolments).WithOne().HasForeignKey(e => e.TrainingId);
        builder.Navigation(t => t.Enrolments).AutoInclude();
    }
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> builder)
    {
        builder.ToTable("training_enrolments");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.TrainingId, e.PersonId }).IsUnique();
        // An applicant's training record is read by person.
        builder.HasIndex(e => e.PersonId);
    }
}
