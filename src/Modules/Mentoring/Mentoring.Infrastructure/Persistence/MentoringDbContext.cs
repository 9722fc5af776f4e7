using BuildingBlocks.Application.Reminders;
using BuildingBlocks.Infrastructure.Reminders;
using BuildingBlocks.Infrastructure.Persistence;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Mentors;
using Mentoring.Domain.Projects;
using Mentoring.Domain.Trainings;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Infrastructure.Persistence;

/// <summary>The mentoring schema: mentors, mentored projects with their assignments and visits, the reminder ledger, and the outbox and inbox.</summary>
internal sealed class MentoringDbContext(DbContextOptions<MentoringDbContext> options)
    : ModuleDbContext(options), IMentoringDbContext
{
    public const string SchemaName = "mentoring";

    public override string Schema => SchemaName;

    public DbSet<Mentor> Mentors => Set<Mentor>();

    public DbSet<MentoredProject> Projects => Set<MentoredProject>();

    public DbSet<TrainingSession> Trainings => Set<TrainingSession>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbContext Context => this;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddReminderLedger();
    }
}
