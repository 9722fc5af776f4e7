using BuildingBlocks.Contracts;

namespace Identity.Application.Accounts;

/// <summary>A staff account as administrators (and its owner) see it. <c>version</c> is sent back on update.</summary>
public sealed record StaffAccountDto : IApiExample<StaffAccountDto>
{
    /// <summary>The account's id, the subject of its bearer tokens.</summary>
    public Guid Id { get; init; }

    /// <summary>The address the person signs in with and receives the agency's emails at.</summary>
    public string Email { get; init; } = string.Empty;

    /// <summary>The name in Latin script; null when only the Arabic one was given.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The name in Arabic script; null when only the Latin one was given.</summary>
    public string? DisplayNameAr { get; init; }

    /// <summary>The language of the person's emails and problem documents: ar, fr or en.</summary>
    public string PreferredLanguage { get; init; } = "fr";

    /// <summary>Role names: Admin, ProgramManager, Officer, Mentor, Auditor.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Official codes of the provinces an Officer works on (e.g. 03.531).</summary>
    public IReadOnlyList<string> Provinces { get; init; } = [];

    /// <summary>For a Mentor, the mentor record the account is linked to; null otherwise.</summary>
    public Guid? MentorId { get; init; }

    /// <summary>False once an administrator deactivated the account: it can neither sign in nor use its tokens.</summary>
    public bool Active { get; init; }

    /// <summary>Until when failed sign-ins keep the account locked, in Moroccan time; null when it is not locked.</summary>
    public DateTimeOffset? LockedOutUntil { get; init; }

    /// <summary>Failed sign-ins since the last successful one.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Whether the person has chosen a password yet (through the link emailed on creation).</summary>
    public bool HasPassword { get; init; }

    /// <summary>When the account was created, in Moroccan time with its offset.</summary>
    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>The version to send back with a change (optimistic concurrency): it changes with every change to the account, sign-ins (failed-attempt counts, lockouts) and passwords included.</summary>
    public uint Version { get; init; }

    public static StaffAccountDto Example { get; } = new()
    {
        Id = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c16"),
        Email = "n.elidrissi@agence.ma",
        DisplayName = "Nadia El Idrissi",
        DisplayNameAr = "نادية الإدريسي",
        PreferredLanguage = "fr",
        Roles = ["Officer"],
        Provinces = ["03.531"],
        MentorId = null,
        Active = true,
        LockedOutUntil = null,
        FailedSignIns = 0,
        HasPassword = true,
        CreatedOn = new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(1)),
        Version = 3,
    };
}
