using System.Net;
using System.Net.Http.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Security;

/// <summary>Two small holes in the contract: enum numbers in query strings, and validation before authorisation.</summary>
public sealed class ContractHoleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("Association,Bank")]
    public async Task An_enum_in_a_query_string_is_refused_as_a_number(string value)
    {
        var admin = await api.AdminClientAsync("en");

        var response = await admin.GetAsync($"/api/v1/partners?type={Uri.EscapeDataString(value)}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().ContainKey("type");
    }

    [Fact]
    public async Task An_enum_in_a_query_string_binds_by_name()
    {
        var admin = await api.AdminClientAsync("en");

        var response = await admin.GetAsync("/api/v1/partners?type=Association");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_auditors_invalid_command_is_forbidden_before_it_is_validated()
    {
        var auditor = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Auditor, "03.531"), language: "en");

        var response = await auditor.PostAsJsonAsync("/api/v1/partners", new { name = "" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ProblemDocument.ReadAsync(response)).Errors.Should().BeNull();
    }
}
