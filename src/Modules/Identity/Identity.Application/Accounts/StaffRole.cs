namespace Identity.Application.Accounts;

/// <summary>What a staff account may do; the names are those stored with the account and carried in tokens.</summary>
public enum StaffRole
{
    /// <summary>Administers staff accounts, partner API keys and the operations pages.</summary>
    Admin,

    /// <summary>Runs the programmes nationwide.</summary>
    ProgramManager,

    /// <summary>Works on the provinces listed on the account.</summary>
    Officer,

    /// <summary>Follows the projects he is linked to.</summary>
    Mentor,

    /// <summary>Reads everything and changes nothing.</summary>
    Auditor,
}
