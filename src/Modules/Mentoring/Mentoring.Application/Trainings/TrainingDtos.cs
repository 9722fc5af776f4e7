using BuildingBlocks.Contracts;
using Mentoring.Domain.Trainings;

namespace Mentoring.Application.Trainings;

/// <summary>A training session with its enrolments.</summary>
public sealed record TrainingDto : IApiExample<TrainingDto>
{
    /// <summary>The session's id, in the paths of its operations.</summary>
    public Guid Id { get; init; }

    /// <summary>What it teaches.</summary>
    public TrainingTopic Topic { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Who gives it.</summary>
    public required string Trainer { get; init; }

    /// <summary>Its first day.</summary>
    public DateOnly StartsOn { get; init; }

    /// <summary>Its last day.</summary>
    public DateOnly EndsOn { get; init; }

    /// <summary>The commune it takes place in (HCP code).</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The province of that commune.</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>The venue, when known.</summary>
    public string? Venue { get; init; }

    /// <summary>How many it takes.</summary>
    public int Capacity { get; init; }

    /// <summary>Who enrolled, and whether they attended.</summary>
    public required IReadOnlyList<EnrolmentDto> Enrolments { get; init; }

    /// <summary>The session's version (it changes with every enrolment and attendance).</summary>
    public uint Version { get; init; }

    public static TrainingDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac3d3-4c5d-7e6f-8071-8293a4b5c6d7"),
        Topic = TrainingTopic.Accounting,
        Title = "Tenir sa comptabilité simplifiée",
        Trainer = "Association des Très Petites Entreprises de Nador",
        StartsOn = new DateOnly(2026, 12, 8),
        EndsOn = new DateOnly(2026, 12, 9),
        CommuneCode = "02.381.01.05",
        ProvinceCode = "02.381",
        Venue = "Maison des jeunes, Nador",
        Capacity = 20,
        Enrolments = [EnrolmentDto.Example],
        Version = 4,
    };
}

/// <summary>A project holder enrolled in a session.</summary>
public sealed record EnrolmentDto : IApiExample<EnrolmentDto>
{
    /// <summary>The person (Applicants), by id.</summary>
    public Guid PersonId { get; init; }

    /// <summary>When he was enrolled.</summary>
    public DateTimeOffset EnrolledOn { get; init; }

    /// <summary>Whether he attended; null until attendance is taken.</summary>
    public bool? Attended { get; init; }

    public static EnrolmentDto Example { get; } = new()
    {
        PersonId = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c99"),
        EnrolledOn = new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(1)),
        Attended = true,
    };
}

/// <summary>One line of a project holder's training record.</summary>
public sealed record TrainingRecordDto : IApiExample<TrainingRecordDto>
{
    /// <summary>The session.</summary>
    public Guid TrainingId { get; init; }

    /// <summary>What it taught.</summary>
    public TrainingTopic Topic { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Its first day.</summary>
    public DateOnly StartsOn { get; init; }

    /// <summary>Its last day.</summary>
    public DateOnly EndsOn { get; init; }

    /// <summary>Whether he attended; null until attendance is taken.</summary>
    public bool? Attended { get; init; }

    public static TrainingRecordDto Example { get; } = new()
    {
        TrainingId = TrainingDto.Example.Id,
        Topic = TrainingDto.Example.Topic,
        Title = TrainingDto.Example.Title,
        StartsOn = TrainingDto.Example.StartsOn,
        EndsOn = TrainingDto.Example.EndsOn,
        Attended = true,
    };
}
