using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Demo;

/// <summary>Its part of the demo story.</summary>
public sealed partial class DemoStoryTests
{
    [Fact]
    public async Task The_demo_seeds_project_holders_in_the_articles_provinces_each_seen_by_its_officer()
    {
        var api = _api;
        var admin = await api.AdminClientAsync();

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/applicants?pageSize=100");
        var provinces = all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("provinceCode").GetString()).ToList();
        provinces.Should().HaveCount(29).And.Contain(["03.531", "04.291", "02.381", "12.391"]);
        all.GetProperty("items").EnumerateArray().Should().OnlyContain(p => p.GetProperty("lastNameAr").GetString()!.Length > 0 && p.GetProperty("lastName").GetString()!.Length > 0);

        var officer = await api.ClientForAsync("officer.taounate@demo.local");
        var taounate = await officer.GetFromJsonAsync<JsonElement>("/api/v1/applicants?pageSize=100");
        taounate.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("provinceCode").GetString()).Should().HaveCount(8).And.OnlyContain(p => p == "03.531");
    }

    [Fact]
    public async Task The_demo_registers_two_groups_counting_their_beneficiaries_through_their_members()
    {
        var admin = await _api.AdminClientAsync();

        var groups = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/groups?sort=name")).GetProperty("items").EnumerateArray().ToList();

        groups.Select(g => g.GetProperty("registrationNumber").GetString()).Should().BeEquivalentTo("ODCO-2019-04291-117", "ASSO-TAO-2016-042");
        var cooperative = groups.Single(g => g.GetProperty("legalForm").GetString() == "Cooperative");
        cooperative.GetProperty("beneficiaries").GetProperty("women").GetInt32().Should().Be(4);
        cooperative.GetProperty("members").EnumerateArray().First().GetProperty("role").GetString().Should().Be("President");
    }

    [Fact]
    public async Task The_demo_runs_the_khemisset_caravan_whose_stops_registered_applications_to_the_hcar_programme()
    {
        var admin = await _api.AdminClientAsync();

        var caravan = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/campaigns?provinceCode=04.291")).GetProperty("items").EnumerateArray().Single();

        caravan.GetProperty("startsOn").GetString().Should().Be("2021-11-29");
        caravan.GetProperty("endsOn").GetString().Should().Be("2022-01-04");
        caravan.GetProperty("organiserPartnerId").ValueKind.Should().Be(JsonValueKind.String);
        var stops = caravan.GetProperty("stops").EnumerateArray().ToList();
        stops.Should().HaveCount(5).And.OnlyContain(s => s.GetProperty("provinceCode").GetString() == "04.291");
        stops.Select(s => s.GetProperty("applications").GetInt32()).Should().Equal(2, 1, 1, 1, 1);
        caravan.GetProperty("applications").GetInt32().Should().Be(6);
    }

    [Fact]
    public async Task The_demo_files_applications_to_the_four_programmes_assessed_most_eligible_four_not_one_withdrawn()
    {
        var admin = await _api.AdminClientAsync();

        var applications = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/applications?pageSize=100")).GetProperty("items").EnumerateArray().ToList();

        applications.Should().HaveCount(25);
        applications.GroupBy(a => a.GetProperty("programmeId").GetGuid()).Should().HaveCount(4);
        applications.Count(a => a.GetProperty("stage").GetString() == "Ineligible").Should().Be(4);
        applications.Count(a => a.GetProperty("stage").GetString() == "Withdrawn").Should().Be(1);
        applications.Count(a => a.GetProperty("holderKind").GetString() == "Group").Should().Be(2);
        applications.Count(a => a.GetProperty("channel").GetString() == "CampaignStop").Should().Be(6);
        // Every other one was found eligible; a committee may have decided on it since (the Decisions stage).
        foreach (var application in applications.Where(a => a.GetProperty("stage").GetString() is not ("Ineligible" or "Withdrawn")))
        {
            var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{application.GetProperty("id").GetGuid()}/history");
            history.EnumerateArray().Select(c => c.GetProperty("toStage").GetString()).Should().StartWith(["Submitted", "Eligible"]);
        }
    }

    [Fact]
    public async Task The_demo_has_two_applications_referred_by_partners_and_each_partners_system_reads_its_own()
    {
        var admin = await _api.AdminClientAsync();
        var applications = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/applications?channel=PartnerReferral")).GetProperty("items").EnumerateArray().ToList();
        var atpe = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/partners?q=ATPE")).GetProperty("items")[0].GetProperty("id").GetGuid();

        applications.Should().HaveCount(2);
        applications.Select(a => a.GetProperty("provinceCode").GetString()).Should().BeEquivalentTo("02.381", "12.391");
        var nador = applications.Single(a => a.GetProperty("provinceCode").GetString() == "02.381");
        nador.GetProperty("referringPartnerId").GetGuid().Should().Be(atpe);

        var system = await _api.PartnerSystemAsync(admin, atpe, "referrals:write");
        var own = (await system.GetFromJsonAsync<JsonElement>("/api/v1/partner/referrals")).GetProperty("items").EnumerateArray().ToList();
        own.Select(r => r.GetProperty("id").GetGuid()).Should().Equal(nador.GetProperty("id").GetGuid());
        own[0].GetProperty("history").EnumerateArray().Select(h => h.GetProperty("toStage").GetString()).Should().StartWith(["Submitted", "Eligible"]);
    }
}
