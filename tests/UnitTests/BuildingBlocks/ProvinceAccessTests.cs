using BuildingBlocks.Application.Security;

namespace UnitTests.BuildingBlocks;

public class ProvinceAccessTests
{
    private const string Casablanca = "06.141";
    private const string Rabat = "04.421";
    private const string Fes = "03.231";

    [Fact]
    public void The_system_sees_and_changes_every_province()
    {
        var access = ProvinceAccess.For(new FakeUser(CallerKind.System));

        access.All.Should().BeTrue();
        access.CanRead(Fes).Should().BeTrue();
        access.CanWrite(Fes).Should().BeTrue();
        access.CanWrite(null).Should().BeTrue();
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.ProgramManager)]
    [InlineData(Roles.Auditor)]
    public void A_nationwide_role_sees_every_province_whatever_its_provinces(string role)
    {
        var access = ProvinceAccess.For(new FakeUser(CallerKind.Staff, [role], [Casablanca]));

        access.All.Should().BeTrue();
        access.CanRead(Fes).Should().BeTrue();
        access.CanWrite(Fes).Should().BeTrue();
        access.CanWrite(null).Should().BeTrue();
    }

    [Fact]
    public void An_officer_sees_and_changes_only_his_provinces()
    {
        var access = ProvinceAccess.For(new FakeUser(CallerKind.Staff, [Roles.Officer], [Casablanca, Rabat]));

        access.All.Should().BeFalse();
        access.Codes.Should().BeEquivalentTo(Casablanca, Rabat);
        access.CanRead(Casablanca).Should().BeTrue();
        access.CanWrite(Rabat).Should().BeTrue();
        access.CanRead(Fes).Should().BeFalse();
        access.CanWrite(Fes).Should().BeFalse();
    }

    [Fact]
    public void An_officer_reads_national_records_but_does_not_change_them()
    {
        var access = ProvinceAccess.For(new FakeUser(CallerKind.Staff, [Roles.Officer], [Casablanca]));

        access.CanRead(null).Should().BeTrue();
        access.CanWrite(null).Should().BeFalse();
    }

    [Fact]
    public void Province_codes_are_compared_exactly()
    {
        var access = ProvinceAccess.For(new FakeUser(CallerKind.Staff, [Roles.Mentor], [Casablanca]));

        access.CanRead(Casablanca + " ").Should().BeFalse();
    }

    [Fact]
    public void Anonymous_callers_see_nothing()
    {
        // Even with a nationwide role and provinces claimed, an anonymous caller gets no province.
        var access = ProvinceAccess.For(new FakeUser(CallerKind.Anonymous, [Roles.Admin], [Casablanca]));

        access.All.Should().BeFalse();
        access.Codes.Should().BeEmpty();
        access.CanRead(Casablanca).Should().BeFalse();
        access.CanWrite(Casablanca).Should().BeFalse();
        access.CanWrite(null).Should().BeFalse();
    }

    [Fact]
    public void A_local_partner_acts_in_its_provinces_only_whatever_role_it_claims()
    {
        var access = ProvinceAccess.For(new FakeUser(CallerKind.Partner, [Roles.Admin], [Casablanca, Rabat]));

        access.All.Should().BeFalse();
        access.CanWrite(Casablanca).Should().BeTrue();
        access.CanWrite(Rabat).Should().BeTrue();
        access.CanWrite(Fes).Should().BeFalse();
        access.CanWrite(null).Should().BeFalse();
    }

    [Fact]
    public void A_partner_without_provinces_acts_nowhere_unless_it_is_national()
    {
        ProvinceAccess.For(new FakeUser(CallerKind.Partner)).CanWrite(Fes).Should().BeFalse();

        var national = ProvinceAccess.For(new FakeUser(CallerKind.Partner) { IsNationalPartner = true });

        national.All.Should().BeTrue();
        national.CanWrite(Fes).Should().BeTrue();
    }

    [Fact]
    public void Only_a_partner_is_ever_national()
    {
        ProvinceAccess.For(new FakeUser(CallerKind.Anonymous) { IsNationalPartner = true }).All.Should().BeFalse();
        ProvinceAccess.For(new FakeUser(CallerKind.Staff, [Roles.Officer], [Casablanca]) { IsNationalPartner = true }).All.Should().BeFalse();
    }

    private sealed record FakeUser(CallerKind Kind, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Provinces)
        : ICurrentUser
    {
        public FakeUser(CallerKind kind)
            : this(kind, [], [])
        {
        }

        public Guid? UserId => Kind == CallerKind.Staff ? Guid.Empty : null;

        public Guid? PartnerId => Kind == CallerKind.Partner ? Guid.Empty : null;

        public bool IsNationalPartner { get; init; }

        public bool IsInRole(string role) => Roles.Contains(role);
    }
}
