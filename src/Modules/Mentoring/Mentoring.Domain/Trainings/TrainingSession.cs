using BuildingBlocks.Domain;

namespace Mentoring.Domain.Trainings;

public readonly record struct TrainingId(Guid Value) : IStronglyTypedId
{
    public static TrainingId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct EnrolmentId(Guid Value) : IStronglyTypedId
{
    public static EnrolmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What a session teaches.</summary>
public enum TrainingTopic
{
    ProjectManagement,
    Productivity,
    Marketing,
    Accounting,
    Other,
}

/// <summary>
/// A training session or workshop for project holders: its topic, trainer, days, commune and venue,
/// how many it takes, who enrolled and who attended. Province-scoped through its commune.
/// </summary>
public sealed class TrainingSession : AggregateRoot<TrainingId>, IProvinceScoped
{
    private readonly List<TrainingEnrolment> _enrolments = [];

    private TrainingSession()
    {
        Title = Trainer = CommuneCode = ProvinceCode = string.Empty;
    }

    public TrainingTopic Topic { get; private set; }

    public string Title { get; private set; }

    public string Trainer { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string CommuneCode { get; private set; }

    public string ProvinceCode { get; private set; }

    string? IProvinceScoped.ProvinceCode => ProvinceCode;

    public string? Venue { get; private set; }

    public int Capacity { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public IReadOnlyCollection<TrainingEnrolment> Enrolments => _enrolments;

    public static TrainingSession Plan(
        TrainingTopic topic, string title, string trainer, DateOnly startsOn, DateOnly endsOn, string communeCode, string provinceCode,
        string? venue, int capacity, DateTimeOffset now) =>
        new()
        {
            Id = TrainingId.New(),
            Topic = topic,
            Title = title.Trim(),
            Trainer = trainer.Trim(),
            StartsOn = startsOn,
            EndsOn = endsOn,
            CommuneCode = communeCode,
            ProvinceCode = provinceCode,
            Venue = string.IsNullOrWhiteSpace(venue) ? null : venue.Trim(),
            Capacity = capacity,
            CreatedOn = now,
        };

    public void Enrol(Guid personId, DateTimeOffset now)
    {
        CheckRule(new Rules.PersonMustNotBeEnrolledTwiceRule(_enrolments.Any(e => e.PersonId == personId)));
        CheckRule(new Rules.TrainingMustHaveRoomRule(_enrolments.Count, Capacity));
        _enrolments.Add(TrainingEnrolment.Create(Id, personId, now));
    }

    public void RecordAttendance(Guid personId, bool attended)
    {
        var enrolment = _enrolments.Find(e => e.PersonId == personId);
        CheckRule(new Rules.AttendeeMustBeEnrolledRule(enrolment is not null));
        enrolment!.Record(attended);
    }
}

/// <summary>A project holder (a person of Applicants) enrolled in a session, and whether he came.</summary>
public sealed class TrainingEnrolment : Entity<EnrolmentId>, IPartOfAggregate<TrainingSession>
{
    private TrainingEnrolment()
    {
    }

    public TrainingId TrainingId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateTimeOffset EnrolledOn { get; private set; }

    /// <summary>Null until attendance is taken.</summary>
    public bool? Attended { get; private set; }

    internal static TrainingEnrolment Create(TrainingId training, Guid personId, DateTimeOffset now) =>
        new() { Id = EnrolmentId.New(), TrainingId = training, PersonId = personId, EnrolledOn = now };

    internal void Record(bool attended) => Attended = attended;
}
