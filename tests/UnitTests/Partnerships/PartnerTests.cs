using BuildingBlocks.Domain;
using Partnerships.Domain.Partners;
using Partnerships.Domain.Partners.Events;

namespace UnitTests.Partnerships;

public class PartnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Registering_a_partner_raises_its_registration_with_type_and_province()
    {
        var partner = Partner.Register(Details(type: PartnerType.Bank, province: "06.141"), Now);

        var raised = partner.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<PartnerRegisteredDomainEvent>().Subject;
        raised.PartnerId.Should().Be(partner.Id);
        raised.Type.Should().Be(PartnerType.Bank);
        raised.ProvinceCode.Should().Be("06.141");
        raised.OccurredOn.Should().Be(Now);
        partner.Id.Value.Should().NotBeEmpty();
        partner.RegisteredOn.Should().Be(Now);
        partner.UpdatedOn.Should().Be(Now);
    }

    [Fact]
    public void A_national_partner_has_no_province()
    {
        var partner = Partner.Register(Details(province: "  "), Now);

        partner.ProvinceCode.Should().BeNull();
        partner.DomainEvents.OfType<PartnerRegisteredDomainEvent>().Single().ProvinceCode.Should().BeNull();
    }

    [Fact]
    public void Names_differing_by_case_accents_spaces_or_hyphens_have_the_same_key()
    {
        var key = Partner.KeyOf("Crédit  Agricole", null);

        key.Should().Be("CREDIT AGRICOLE");
        Partner.KeyOf("credit-agricole", null).Should().Be(key);
        Partner.KeyOf("  CRÉDIT agricole. ", null).Should().Be(key);
    }

    [Fact]
    public void Different_names_have_different_keys()
    {
        Partner.KeyOf("Crédit Agricole", null).Should().NotBe(Partner.KeyOf("Crédit Agricole du Maroc", null));
        Partner.KeyOf("CreditAgricole", null).Should().NotBe(Partner.KeyOf("Credit Agricole", null));
    }

    [Fact]
    public void Without_a_Latin_name_the_key_is_the_Arabic_name()
    {
        Partner.KeyOf(null, "القرض  الفلاحي").Should().Be("القرض الفلاحي");
        Partner.KeyOf("   ", "القرض الفلاحي").Should().Be("القرض الفلاحي");
    }

    [Fact]
    public void The_Arabic_key_ignores_short_vowel_marks()
    {
        // Fatha, damma and kasra are non-spacing marks: a name written with them is the same partner.
        Partner.KeyOf(null, "القَرْض الفلاحي").Should().Be(Partner.KeyOf(null, "القرض الفلاحي"));
    }

    [Fact]
    public void With_a_Latin_name_the_key_ignores_the_Arabic_name()
    {
        Partner.KeyOf("Anapec", "الوكالة الوطنية").Should().Be("ANAPEC");
    }

    [Fact]
    public void A_registered_partner_stores_the_key_of_its_name()
    {
        var partner = Partner.Register(Details(name: "  Crédit  Agricole ", nameAr: "القرض الفلاحي"), Now);

        partner.Name.Should().Be("Crédit  Agricole");
        partner.NameKey.Should().Be("CREDIT AGRICOLE");
    }

    [Fact]
    public void A_partner_named_only_in_Arabic_is_registered_under_its_Arabic_key()
    {
        var partner = Partner.Register(Details(name: null, nameAr: "جمعية النور"), Now);

        partner.Name.Should().BeNull();
        partner.NameAr.Should().Be("جمعية النور");
        partner.NameKey.Should().Be("جمعية النور");
    }

    [Fact]
    public void An_alef_written_with_or_without_hamza_gives_the_same_Arabic_key()
    {
        // أ, إ and آ decompose to a bare alef plus a non-spacing mark, which the key drops.
        Partner.KeyOf(null, "جمعية الأمل").Should().Be("جمعية الامل");
        Partner.KeyOf(null, "إتحاد").Should().Be(Partner.KeyOf(null, "اتحاد"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", "")]
    public void A_partner_without_any_name_is_refused(string? name, string? nameAr)
    {
        var act = () => Partner.Register(Details(name: name, nameAr: nameAr), Now);

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("partner.must-be-named");
    }

    [Fact]
    public void Updating_a_partner_raises_its_update_with_the_new_type_and_province()
    {
        var partner = Partner.Register(Details(type: PartnerType.Association, province: "06.141"), Now);
        partner.ClearDomainEvents();
        var later = Now.AddDays(3);

        partner.Update(Details(name: "Nouveau nom", type: PartnerType.Cooperative, province: "04.421"), later);

        var raised = partner.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<PartnerUpdatedDomainEvent>().Subject;
        raised.PartnerId.Should().Be(partner.Id);
        raised.Type.Should().Be(PartnerType.Cooperative);
        raised.ProvinceCode.Should().Be("04.421");
        raised.OccurredOn.Should().Be(later);
        partner.NameKey.Should().Be("NOUVEAU NOM");
        partner.RegisteredOn.Should().Be(Now);
        partner.UpdatedOn.Should().Be(later);
    }

    [Fact]
    public void An_update_that_removes_every_name_is_refused_and_changes_nothing()
    {
        var partner = Partner.Register(Details(name: "Anapec"), Now);

        var act = () => partner.Update(Details(name: null, nameAr: null), Now.AddDays(1));

        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("partner.must-be-named");
        partner.Name.Should().Be("Anapec");
        partner.DomainEvents.OfType<PartnerUpdatedDomainEvent>().Should().BeEmpty();
    }

    [Fact]
    public void The_contact_email_is_lower_cased_and_the_acronym_upper_cased()
    {
        var partner = Partner.Register(Details(acronym: " anapec ", email: " Contact@ANAPEC.ma "), Now);

        partner.ContactEmail.Should().Be("contact@anapec.ma");
        partner.Acronym.Should().Be("ANAPEC");
    }

    [Fact]
    public void Blank_optional_details_are_stored_as_absent()
    {
        var partner = Partner.Register(Details(acronym: " ", email: "", phone: "  "), Now);

        partner.Acronym.Should().BeNull();
        partner.ContactEmail.Should().BeNull();
        partner.ContactPhone.Should().BeNull();
    }

    private static PartnerDetails Details(
        string? name = "Agence Nationale",
        string? nameAr = null,
        string? acronym = null,
        PartnerType type = PartnerType.PublicAgency,
        string? province = null,
        string? email = null,
        string? phone = null) =>
        new(name, nameAr, acronym, type, province, email, phone);
}
