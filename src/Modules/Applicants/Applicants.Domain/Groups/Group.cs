using Applicants.Domain.Persons;
using BuildingBlocks.Domain;

namespace Applicants.Domain.Groups;

public readonly record struct GroupId(Guid Value) : IStronglyTypedId
{
    public static GroupId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct GroupMemberId(Guid Value) : IStronglyTypedId
{
    public static GroupMemberId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The legal form of a group of project holders.</summary>
public enum LegalForm
{
    /// <summary>A cooperative (law 112-12), registered with ODCO.</summary>
    Cooperative,

    /// <summary>An association (dahir of 1958 on the right of association).</summary>
    Association,
}

/// <summary>A member's role in the group's office, or a plain member.</summary>
public enum MemberRole
{
    /// <summary>The president, who signs for the group.</summary>
    President,

    /// <summary>A vice-president.</summary>
    VicePresident,

    /// <summary>The treasurer.</summary>
    Treasurer,

    /// <summary>The secretary (secrétaire général).</summary>
    Secretary,

    /// <summary>An adviser (conseiller) of the office.</summary>
    Adviser,

    /// <summary>A member outside the office.</summary>
    Member,
}

/// <summary>A member as the group states it: a registered person and their role.</summary>
public sealed record GroupMembership(PersonId PersonId, MemberRole Role);

/// <summary>What a group states when it is registered or corrected.</summary>
public sealed record GroupDetails(
    string Name,
    string? NameAr,
    LegalForm LegalForm,
    string RegistrationNumber,
    DateOnly CreatedOn,
    string CommuneCode,
    string ProvinceCode,
    IReadOnlyList<GroupMembership> Members);

/// <summary>
/// A cooperative or an association that holds a project collectively. Its members are registered
/// persons, so beneficiaries are counted by sex and category through them. Belongs to the province
/// of its seat's commune, as a person does.
/// </summary>
public sealed class Group : AggregateRoot<GroupId>, IProvinceScoped
{
    private readonly List<GroupMember> _members = [];

    private Group()
    {
        Name = RegistrationNumber = CommuneCode = ProvinceCode = NameKey = string.Empty;
    }

    public string Name { get; private set; }

    public string? NameAr { get; private set; }

    /// <summary>
    /// Both names folded by <see cref="NormalisedName"/>, Latin then Arabic, as a person's
    /// <see cref="Person.NameKey"/>: what name search matches on, whatever the spelling.
    /// </summary>
    public string NameKey { get; private set; }

    public LegalForm LegalForm { get; private set; }

    /// <summary>The number it is registered under (ODCO register for a cooperative, the local authority's receipt for an association).</summary>
    public string RegistrationNumber { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    public string CommuneCode { get; private set; }

    /// <summary>The province of <see cref="CommuneCode"/>: the one the province rule reads.</summary>
    public string ProvinceCode { get; private set; }

    public IReadOnlyCollection<GroupMember> Members => _members;

    public DateTimeOffset RegisteredOn { get; private set; }

    public DateTimeOffset UpdatedOn { get; private set; }

    public static Group Register(GroupDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var group = new Group { Id = GroupId.New(), RegisteredOn = now };
        group.Apply(details, now);
        group.Raise(new GroupRegisteredDomainEvent(group.Id, group.LegalForm, group.CommuneCode, group.ProvinceCode, group.MemberIds(), now));
        return group;
    }

    public void Update(GroupDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, now);
        Raise(new GroupUpdatedDomainEvent(Id, LegalForm, CommuneCode, ProvinceCode, MemberIds(), now));
    }

    private IReadOnlyList<PersonId> MemberIds() => [.. _members.Select(m => m.PersonId)];

    private void Apply(GroupDetails details, DateTimeOffset now)
    {
        CheckRule(new GroupMustHaveOnePresidentRule(details.Members));
        Name = details.Name.Trim();
        NameAr = string.IsNullOrWhiteSpace(details.NameAr) ? null : details.NameAr.Trim();
        NameKey = $"{NormalisedName.Of(Name)} {NormalisedName.Of(NameAr)}".Trim();
        LegalForm = details.LegalForm;
        RegistrationNumber = details.RegistrationNumber.Trim().ToUpperInvariant();
        CreatedOn = details.CreatedOn;
        CommuneCode = details.CommuneCode;
        ProvinceCode = details.ProvinceCode;

        // Members kept keep their row (and id); the others leave, the new ones join.
        var wanted = details.Members.ToDictionary(m => m.PersonId);
        _members.RemoveAll(m => !wanted.ContainsKey(m.PersonId));
        foreach (var member in _members)
        {
            member.Assign(wanted[member.PersonId].Role);
        }

        foreach (var joining in details.Members.Where(m => _members.All(k => k.PersonId != m.PersonId)))
        {
            _members.Add(GroupMember.Of(joining.PersonId, joining.Role));
        }

        UpdatedOn = now;
    }
}

/// <summary>A person's membership of a group, with their role.</summary>
public sealed class GroupMember : Entity<GroupMemberId>, IPartOfAggregate<Group>
{
    private GroupMember()
    {
    }

    public PersonId PersonId { get; private set; }

    public MemberRole Role { get; private set; }

    internal static GroupMember Of(PersonId personId, MemberRole role) => new() { Id = GroupMemberId.New(), PersonId = personId, Role = role };

    internal void Assign(MemberRole role) => Role = role;
}

/// <summary>A group is represented by exactly one president, who signs for it.</summary>
public sealed class GroupMustHaveOnePresidentRule(IReadOnlyList<GroupMembership> members) : IBusinessRule
{
    public string Code => "group.one-president";

    public LocalizedText Message => new(
        "A group has exactly one president among its members.",
        "Un groupement a exactement un président parmi ses membres.",
        "للمجموعة رئيس واحد فقط من بين أعضائها.");

    public bool IsBroken() => members.Count(m => m.Role == MemberRole.President) != 1;
}

/// <summary>A group was registered: what beneficiary counts need (its members, where it is), never a name.</summary>
public sealed record GroupRegisteredDomainEvent(
    GroupId GroupId, LegalForm LegalForm, string CommuneCode, string ProvinceCode, IReadOnlyList<PersonId> MemberIds, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A group's details or members were corrected; carries the values after the change.</summary>
public sealed record GroupUpdatedDomainEvent(
    GroupId GroupId, LegalForm LegalForm, string CommuneCode, string ProvinceCode, IReadOnlyList<PersonId> MemberIds, DateTimeOffset OccurredOn) : IDomainEvent;
