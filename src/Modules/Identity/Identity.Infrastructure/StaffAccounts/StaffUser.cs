using Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Identity.Infrastructure.StaffAccounts;

/// <summary>A staff account: the agency's administrators, programme managers, officers, mentors and auditors.</summary>
internal sealed class StaffUser : IdentityUser<Guid>
{
    public StaffUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>The name in Latin script.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The name in Arabic script.</summary>
    public string? DisplayNameAr { get; set; }

    /// <summary>Official codes of the provinces the person works on (e.g. <c>03.531</c> for Taounate).</summary>
    public List<string> Provinces { get; set; } = [];

    /// <summary>The language the person reads messages in: ar, fr or en.</summary>
    public string PreferredLanguage { get; set; } = StaffLanguage.Default;

    /// <summary>For a Mentor, the mentor record (Mentoring's) the account is linked to.</summary>
    public Guid? MentorId { get; set; }

    /// <summary>False once deactivated: no sign-in, and the tokens it holds stop working.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedOn { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: the optimistic concurrency version the API shows.</summary>
    public uint Version { get; set; }
}
