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

    public string? DisplayName { get; set; }

    /// <summary>Official codes of the provinces the person works on (e.g. <c>03.531</c> for Taounate).</summary>
    public List<string> Provinces { get; set; } = [];

    /// <summary>The language the person reads messages in: ar, fr or en.</summary>
    public string PreferredLanguage { get; set; } = StaffLanguage.Default;
}
