namespace Identity.Contracts;

/// <summary>
/// A staff member as other modules may know them: who they are, what they may do, where, and the
/// language their messages are written in.
/// </summary>
/// <param name="Id">The account's id, the <c>sub</c> of its tokens.</param>
/// <param name="DisplayName">The name shown to colleagues; null when none was given.</param>
/// <param name="Roles">Role names, as <c>BuildingBlocks.Application.Security.Roles</c> spells them.</param>
/// <param name="Provinces">Official codes of the provinces the person works on (e.g. <c>03.531</c>).</param>
/// <param name="PreferredLanguage">ar, fr or en.</param>
public sealed record StaffMemberDto(
    Guid Id,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Provinces,
    string PreferredLanguage);
