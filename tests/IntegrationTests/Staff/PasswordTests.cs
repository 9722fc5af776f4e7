using System.Net;
using System.Net.Http.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Staff;

/// <summary>Choosing, changing and resetting a password, and what a password may be.</summary>
public sealed class PasswordTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_reset_answers_the_same_for_a_known_and_an_unknown_address_and_mails_only_the_known_one()
    {
        var admin = await api.AdminClientAsync();
        var created = await StaffApi.CreateAsync(admin, StaffApi.Account("Auditor", language: "en"));
        var email = created.GetProperty("email").GetString()!;
        await StaffApi.ActivateAsync(api, email);
        var unknown = $"nobody.{Guid.NewGuid():N}@tests.local";
        var anonymous = api.CreateClient();

        var known = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });
        var nobody = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = unknown });

        known.StatusCode.Should().Be(HttpStatusCode.Accepted);
        nobody.StatusCode.Should().Be(known.StatusCode);
        (await nobody.Content.ReadAsStringAsync()).Should().Be(await known.Content.ReadAsStringAsync());
        var mails = await Eventually.Until(() => StaffApi.MailsToAsync(api, email), m => m.Count == 2);
        mails[^1].Subject.Should().Be("Resetting your password");
        (await StaffApi.MailsToAsync(api, unknown)).Should().BeEmpty();

        var token = StaffApi.TokenIn(mails[^1]);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { email, token, newPassword = "Le thé à la menthe de 2027" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Le thé à la menthe de 2027" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { email = unknown, token, newPassword = "Le thé à la menthe de 2028" });
        wrong.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(wrong)).Code.Should().Be("password.invalid-link");
    }

    [Theory]
    [InlineData("short", "newPassword")]
    [InlineData("1234567890", "newPassword")]
    [InlineData("qwertyuiop", "newPassword")]
    public async Task A_short_or_common_password_is_refused(string password, string field)
    {
        var email = await api.CreateStaffAsync(StaffRoles.Auditor);
        var client = await api.ClientForAsync(email, language: "en");

        var refused = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFactory.Password, newPassword = password });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(refused)).Errors!.Keys.Should().Contain(field);
    }

    [Fact]
    public async Task A_password_holding_the_email_is_refused_in_the_callers_language()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Auditor);
        var client = await api.ClientForAsync(email, language: "fr");

        var refused = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFactory.Password, newPassword = email.Split('@')[0] + "2026" });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(refused)).Errors!["newPassword"].Should().Contain("Le mot de passe ne doit pas être l'adresse e-mail ni en contenir le nom.");
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Auditor);
        var client = await api.ClientForAsync(email, language: "en");

        var refused = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Not!TheRightOne", newPassword = "Une phrase assez longue 2026" });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(refused)).Code.Should().Be("password.wrong-current");
        (await client.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
