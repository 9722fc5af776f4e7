using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using IntegrationTests.Staff;

namespace IntegrationTests.Demo;

/// <summary>Its part of the demo story.</summary>
public sealed partial class DemoStoryTests
{
    [Fact]
    public async Task The_demo_staff_get_their_welcome_email_and_sign_in_with_the_shared_password()
    {
        var api = _api;
        var admin = await api.AdminClientAsync();

        var officer = await api.ClientForAsync("officer.taounate@demo.local");

        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Officer");
        me.GetProperty("provinces").EnumerateArray().Select(r => r.GetString()).Should().Equal("03.531");
        me.GetProperty("hasPassword").GetBoolean().Should().BeTrue();
        (await StaffApi.MailsToAsync(api, "officer.taounate@demo.local")).Should().ContainSingle()
            .Which.Subject.Should().Be("Votre compte pour les programmes AGR");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?q=demo.local");
        all.GetProperty("totalCount").GetInt32().Should().Be(3);
    }
}
