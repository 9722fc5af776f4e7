using System.Security.Claims;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Http;

namespace UnitTests.BuildingBlocks;

public class CurrentUserTests
{
    [Fact]
    public void What_the_caller_is_is_read_from_the_principal_once_not_at_every_call()
    {
        var partner = Guid.NewGuid();
        var principal = new CountingPrincipal(
            new Claim(AuthNames.KindClaim, AuthNames.PartnerKind),
            new Claim(AuthNames.PartnerClaim, partner.ToString()),
            new Claim(AuthNames.NationwideClaim, "true"));
        var user = new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } });

        for (var i = 0; i < 10; i++)
        {
            user.Kind.Should().Be(CallerKind.Partner);
            user.PartnerId.Should().Be(partner);
            user.UserId.Should().BeNull();
            user.IsNationalPartner.Should().BeTrue();
        }

        principal.Lookups.Should().BeLessThanOrEqualTo(3, "each claim the kind and ids derive from is looked up once (issue 13)");
    }

    [Fact]
    public void A_principal_set_after_the_first_read_is_read_anew()
    {
        var context = new DefaultHttpContext();
        var user = new CurrentUser(new HttpContextAccessor { HttpContext = context });
        user.Kind.Should().Be(CallerKind.Anonymous, "authentication has not run yet");

        var staff = Guid.NewGuid();
        context.User = new CountingPrincipal(new Claim(AuthNames.KindClaim, AuthNames.StaffKind), new Claim(AuthNames.SubjectClaim, staff.ToString()));

        user.Kind.Should().Be(CallerKind.Staff);
        user.UserId.Should().Be(staff);
        user.PartnerId.Should().BeNull();
    }

    [Fact]
    public void Outside_a_request_the_caller_is_the_system()
    {
        new CurrentUser(new HttpContextAccessor()).Kind.Should().Be(CallerKind.System);
    }

    private sealed class CountingPrincipal(params Claim[] claims) : ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"))
    {
        public int Lookups { get; private set; }

        public override Claim? FindFirst(string type)
        {
            Lookups++;
            return base.FindFirst(type);
        }

        public override bool HasClaim(string type, string value)
        {
            Lookups++;
            return base.HasClaim(type, value);
        }
    }
}
