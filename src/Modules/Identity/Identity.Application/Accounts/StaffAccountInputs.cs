using BuildingBlocks.Application.Security;
using FluentValidation;
using FluentValidation.Results;

namespace Identity.Application.Accounts;

internal static class StaffAccountInputs
{
    public static StaffAccountDetails ToDetails(this IStaffAccountInput input) => new(
        input.Email!.Trim(),
        Blank(input.DisplayName),
        Blank(input.DisplayNameAr),
        input.PreferredLanguage ?? "fr",
        [.. input.Roles!.Distinct().Order().Select(r => r.ToString())],
        [.. (input.Provinces ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        input.MentorId);

    /// <summary>Refuses provinces the reference geography does not know, as a 400 on the field.</summary>
    public static async Task EnsureProvincesKnownAsync(this IKnownProvinces provinces, StaffAccountDetails details, CancellationToken cancellationToken)
    {
        var unknown = await provinces.UnknownAmongAsync(details.Provinces, cancellationToken);
        if (unknown.Count > 0)
        {
            throw new ValidationException([new ValidationFailure("provinces", AccountTexts.UnknownProvince.ToString(), unknown[0])]);
        }
    }

    public static bool IsAdmin(this StaffAccountState account) => account.Active && account.Roles.Contains(Roles.Admin);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
