namespace BuildingBlocks.Application.Security;

/// <summary>The staff roles. Names are stored in the identity schema and carried in tokens.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string ProgramManager = nameof(ProgramManager);
    public const string Officer = nameof(Officer);
    public const string Mentor = nameof(Mentor);
    public const string Auditor = nameof(Auditor);

    public static readonly IReadOnlyList<string> All = [Admin, ProgramManager, Officer, Mentor, Auditor];

    /// <summary>Roles that see every province.</summary>
    public static readonly IReadOnlyList<string> Nationwide = [Admin, ProgramManager, Auditor];

    /// <summary>Roles that may change anything at all (an Auditor only reads).</summary>
    public static readonly IReadOnlyList<string> Writers = [Admin, ProgramManager, Officer, Mentor];
}
