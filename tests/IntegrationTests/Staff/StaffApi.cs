using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationTests.Infrastructure;
using MimeKit;

namespace IntegrationTests.Staff;

/// <summary>Staff administration as the tests drive it: through the API, and the emails it sends.</summary>
internal static partial class StaffApi
{
    public static object Account(string role = "Officer", string[]? provinces = null, string? language = null, string? email = null) => new
    {
        email = email ?? $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@tests.local",
        displayName = "Nadia El Idrissi",
        displayNameAr = "نادية الإدريسي",
        preferredLanguage = language,
        roles = new[] { role },
        provinces = provinces ?? (role == "Officer" ? ["03.531"] : []),
    };

    public static async Task<JsonElement> CreateAsync(HttpClient admin, object account)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users", account);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string MailDirectory(ApiFactory api) => Path.Combine(Path.GetTempPath(), "modular-tests", api.DatabaseName, "mail");

    /// <summary>The emails sent to an address so far, oldest first.</summary>
    public static async Task<List<MimeMessage>> MailsToAsync(ApiFactory api, string address)
    {
        var directory = MailDirectory(api);
        var found = new List<MimeMessage>();
        if (!Directory.Exists(directory))
        {
            return found;
        }

        foreach (var file in Directory.GetFiles(directory, "*.eml").OrderBy(File.GetLastWriteTimeUtc))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        return found;
    }

    /// <summary>The token of the last link emailed to an address.</summary>
    public static async Task<string> LastTokenAsync(ApiFactory api, string address)
    {
        var mails = await Eventually.Until(() => MailsToAsync(api, address), m => m.Count > 0);
        return TokenIn(mails[^1]);
    }

    public static string TokenIn(MimeMessage mail) =>
        Uri.UnescapeDataString(TokenPattern().Match(mail.TextBody ?? string.Empty).Groups[1].Value);

    /// <summary>Sets the password from the last emailed link and answers a client signed in with it.</summary>
    public static async Task<HttpClient> ActivateAsync(ApiFactory api, string email, string password = "Une phrase assez longue 2026", string? language = null)
    {
        var token = await LastTokenAsync(api, email);
        var confirmed = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { email, token, newPassword = password });
        confirmed.StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent, await confirmed.Content.ReadAsStringAsync());
        return await api.ClientForAsync(email, password, language);
    }

    [GeneratedRegex(@"token=([^&\s]+)")]
    private static partial Regex TokenPattern();
}
