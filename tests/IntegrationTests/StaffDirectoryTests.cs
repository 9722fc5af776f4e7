using BuildingBlocks.Application.Security;
using Identity.Contracts;
using Identity.Infrastructure.StaffAccounts;
using IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

/// <summary>What other modules learn of a staff member through the Identity module's Contracts.</summary>
public sealed class StaffDirectoryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_staff_member_is_read_with_roles_provinces_and_preferred_language()
    {
        var email = await api.CreateStaffAsync(Roles.Officer, "03.531", "12.391");
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.DisplayName = "Fatima Zahra El Idrissi";
        user.PreferredLanguage = "ar";
        (await users.UpdateAsync(user)).Succeeded.Should().BeTrue();

        var member = await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().FindAsync(user.Id, CancellationToken.None);

        member.Should().BeEquivalentTo(new StaffMemberDto(user.Id, "Fatima Zahra El Idrissi", [Roles.Officer], ["03.531", "12.391"], "ar"));
    }

    [Fact]
    public async Task A_new_account_reads_in_french_until_it_chooses()
    {
        var email = await api.CreateStaffAsync(Roles.Auditor);
        await using var scope = api.Services.CreateAsyncScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;

        var member = await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().FindAsync(id, CancellationToken.None);

        member!.PreferredLanguage.Should().Be("fr");
        member.Roles.Should().Equal(Roles.Auditor);
        member.Provinces.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_id_and_a_caller_who_is_not_staff_find_nobody()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IStaffDirectory>();

        (await directory.FindAsync(Guid.CreateVersion7(), CancellationToken.None)).Should().BeNull();
        // Outside a request the caller is the system itself, which has no account.
        (await directory.FindCurrentAsync(CancellationToken.None)).Should().BeNull();
    }
}
