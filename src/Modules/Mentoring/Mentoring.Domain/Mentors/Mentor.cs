using BuildingBlocks.Domain;
using Mentoring.Domain.Mentors.Rules;

namespace Mentoring.Domain.Mentors;

/// <summary>
/// A volunteer or a partner's staff member who accompanies financed projects: the sectors and
/// provinces he knows, how many projects he can follow at once, and the language his reminders
/// are written in. He may sign in as a staff member with the Mentor role (<see cref="StaffUserId"/>).
/// Mentors work across provinces, so the record is not province-scoped: every staff member may read it.
/// </summary>
public sealed class Mentor : AggregateRoot<MentorId>
{
    private Mentor()
    {
        Name = Email = Phone = Language = string.Empty;
    }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public string Phone { get; private set; }

    /// <summary>ar or fr: the language of his reminders.</summary>
    public string Language { get; private set; }

    /// <summary>The partner organisation (a social incubator association…) he works for; null for an independent volunteer.</summary>
    public Guid? OrganisationId { get; private set; }

    public IReadOnlyList<Sector> Sectors { get; private set; } = [];

    public IReadOnlyList<string> Provinces { get; private set; } = [];

    /// <summary>The most projects he follows at once.</summary>
    public int Capacity { get; private set; }

    public bool Active { get; private set; }

    public Guid? StaffUserId { get; private set; }

    public DateTimeOffset RegisteredOn { get; private set; }

    public DateTimeOffset UpdatedOn { get; private set; }

    public static Mentor Register(MentorDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var mentor = new Mentor { Id = MentorId.New(), RegisteredOn = now };
        mentor.Apply(details, now);
        return mentor;
    }

    public void Update(MentorDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, now);
    }

    private void Apply(MentorDetails details, DateTimeOffset now)
    {
        CheckRule(new MentorNeedsAProvinceRule(details.Provinces));
        Name = details.Name.Trim();
        Email = details.Email.Trim().ToLowerInvariant();
        Phone = details.Phone.Trim();
        Language = details.Language;
        OrganisationId = details.OrganisationId;
        Sectors = [.. details.Sectors.Distinct().Order()];
        Provinces = [.. details.Provinces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Capacity = details.Capacity;
        Active = details.Active;
        StaffUserId = details.StaffUserId;
        UpdatedOn = now;
    }
}

/// <summary>What a staff member states about a mentor when registering or correcting him.</summary>
public sealed record MentorDetails(
    string Name,
    string Email,
    string Phone,
    string Language,
    Guid? OrganisationId,
    IReadOnlyCollection<Sector> Sectors,
    IReadOnlyCollection<string> Provinces,
    int Capacity,
    bool Active,
    Guid? StaffUserId);
