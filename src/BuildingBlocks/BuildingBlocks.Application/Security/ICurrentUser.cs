namespace BuildingBlocks.Application.Security;

public enum CallerKind
{
    Anonymous,
    Staff,
    Partner,

    /// <summary>The system itself: background jobs, event handlers, start-up seeding.</summary>
    System,
}

/// <summary>Who is asking. Resolved once per request (or per background unit of work).</summary>
public interface ICurrentUser
{
    CallerKind Kind { get; }

    /// <summary>The staff account's id, when <see cref="Kind"/> is Staff.</summary>
    Guid? UserId { get; }

    /// <summary>The partner organisation's id, when <see cref="Kind"/> is Partner.</summary>
    Guid? PartnerId { get; }

    IReadOnlyCollection<string> Roles { get; }

    /// <summary>Province codes a staff member works on (meaningful for Officers and Mentors), or a partner acts in.</summary>
    IReadOnlyCollection<string> Provinces { get; }

    /// <summary>A partner system of a national organisation that lists no province: it acts in the whole country.</summary>
    bool IsNationalPartner { get; }

    bool IsInRole(string role);
}
