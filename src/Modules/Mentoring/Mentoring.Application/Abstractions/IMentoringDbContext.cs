using BuildingBlocks.Application.Reminders;
using Mentoring.Domain.Mentors;
using Mentoring.Domain.Projects;
using Mentoring.Domain.Trainings;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Abstractions;

/// <summary>The module's data, as its handlers see it. Commands change tracked aggregates; the unit of work saves.</summary>
public interface IMentoringDbContext
{
    DbSet<Mentor> Mentors { get; }

    DbSet<MentoredProject> Projects { get; }

    DbSet<TrainingSession> Trainings { get; }

    /// <summary>The reminder ledger (BuildingBlocks' <see cref="Reminder"/>), recorded before sending.</summary>
    DbSet<Reminder> Reminders { get; }

    DbContext Context { get; }
}
