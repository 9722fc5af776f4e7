using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;
using static IntegrationTests.Applicants.ApplicationData;

namespace IntegrationTests.Applicants;

/// <summary>Outreach campaigns (caravans), their stops and the applications attributed to them, through the API on the real database.</summary>
public sealed class CampaignTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static Dictionary<string, object?> Caravan(Guid? partner = null, string? organiser = "Province de Khémisset") => new()
    {
        ["name"] = $"Caravane de l'entrepreneuriat rural {Guid.NewGuid():N}"[..44],
        ["organiserPartnerId"] = partner,
        ["organiserName"] = partner is null ? organiser : null,
        ["startsOn"] = "2021-11-29",
        ["endsOn"] = "2022-01-04",
        ["stops"] = new[]
        {
            new Dictionary<string, object?> { ["communeCode"] = "04.291.01.03", ["date"] = "2021-11-29" },
            new Dictionary<string, object?> { ["communeCode"] = "04.291.01.01", ["date"] = "2021-12-06" },
        },
    };

    private static Dictionary<string, object?> AtStop(Dictionary<string, object?> application, Guid campaign, Guid stop)
    {
        application["channel"] = "CampaignStop";
        application["campaignId"] = campaign;
        application["campaignStopId"] = stop;
        return application;
    }

    [Fact]
    public async Task Applications_registered_at_a_caravan_stop_name_it_and_the_campaign_counts_them_per_stop()
    {
        var admin = await api.AdminClientAsync();
        var partner = await Financing.ProgrammeData.FunderAsync(admin);
        var programme = await OpenProgrammeAsync(admin, p => p["provinceCodes"] = Array.Empty<string>());

        var response = await admin.PostAsJsonAsync("/api/v1/campaigns", Caravan(partner));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var campaign = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = campaign.GetProperty("id").GetGuid();
        campaign.GetProperty("organiserPartnerId").GetGuid().Should().Be(partner);
        campaign.GetProperty("organiserName").GetString().Should().NotBeNullOrEmpty();
        var stops = campaign.GetProperty("stops").EnumerateArray().ToList();
        stops.Select(s => s.GetProperty("provinceCode").GetString()).Should().Equal("04.291", "04.291");
        var first = stops[0].GetProperty("id").GetGuid();
        var second = stops[1].GetProperty("id").GetGuid();

        for (var i = 0; i < 2; i++)
        {
            var holder = await PersonAsync(admin, Person(commune: "04.291.01.03"));
            var filed = await SubmitAsync(admin, AtStop(Application(programme, holder, commune: "04.291.01.03"), id, first));
            filed.GetProperty("channel").GetString().Should().Be("CampaignStop");
            filed.GetProperty("campaignId").GetGuid().Should().Be(id);
            filed.GetProperty("campaignStopId").GetGuid().Should().Be(first);
        }

        await SubmitAsync(admin, AtStop(Application(programme, await PersonAsync(admin, Person(commune: "04.291.01.01")), commune: "04.291.01.01"), id, second));

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}");
        read.GetProperty("applications").GetInt32().Should().Be(3);
        read.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("applications").GetInt32()).Should().Equal(2, 1);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/campaigns?provinceCode=04.291&sort=-startsOn,name&pageSize=200");
        listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Contain(id);
        var byChannel = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications?channel=CampaignStop&programmeId={programme}");
        byChannel.GetProperty("totalCount").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task A_campaign_stop_must_exist_in_that_campaign_and_fall_within_its_dates()
    {
        var admin = await api.AdminClientAsync();
        var programme = await OpenProgrammeAsync(admin, p => p["provinceCodes"] = Array.Empty<string>());
        var campaign = await (await admin.PostAsJsonAsync("/api/v1/campaigns", Caravan())).Content.ReadFromJsonAsync<JsonElement>();
        var id = campaign.GetProperty("id").GetGuid();
        var stop = campaign.GetProperty("stops")[0].GetProperty("id").GetGuid();
        var other = (await (await admin.PostAsJsonAsync("/api/v1/campaigns", Caravan())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var holder = await PersonAsync(admin, Person(commune: "04.291.01.03"));
        var outside = Caravan();
        ((Dictionary<string, object?>[])outside["stops"]!)[1]["date"] = "2022-02-01";
        var both = Caravan(Guid.NewGuid());
        both["organiserName"] = "Les deux";
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.applications");

        var noCampaign = await admin.PostAsJsonAsync("/api/v1/applications", AtStop(Application(programme, holder, commune: "04.291.01.03"), Guid.NewGuid(), stop));
        var wrongCampaign = await admin.PostAsJsonAsync("/api/v1/applications", AtStop(Application(programme, holder, commune: "04.291.01.03"), other, stop));
        var stopWithoutChannel = Application(programme, holder, commune: "04.291.01.03");
        stopWithoutChannel["campaignStopId"] = stop;
        var walkInWithStop = await admin.PostAsJsonAsync("/api/v1/applications", stopWithoutChannel);
        var missingStop = AtStop(Application(programme, holder, commune: "04.291.01.03"), id, stop);
        missingStop.Remove("campaignStopId");
        var noStop = await admin.PostAsJsonAsync("/api/v1/applications", missingStop);

        (await ProblemDocument.ReadAsync(noCampaign)).Errors.Should().ContainKey("campaignId");
        (await ProblemDocument.ReadAsync(wrongCampaign)).Errors.Should().ContainKey("campaignStopId");
        walkInWithStop.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(noStop)).Errors.Should().ContainKey("campaignStopId");
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.applications")).Should().Be(before);

        var outsideAnswer = await admin.PostAsJsonAsync("/api/v1/campaigns", outside);
        outsideAnswer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(outsideAnswer)).Errors.Should().ContainKey("stops[1]");
        (await ProblemDocument.ReadAsync(await admin.PostAsJsonAsync("/api/v1/campaigns", both))).Errors.Should().ContainKey("organiserName");
        var unknownPartner = await admin.PostAsJsonAsync("/api/v1/campaigns", Caravan(Guid.NewGuid()));
        (await ProblemDocument.ReadAsync(unknownPartner)).Errors.Should().ContainKey("organiserPartnerId");

        var added = await admin.PostAsJsonAsync($"/api/v1/campaigns/{id}/stops", new { communeCode = "04.291.01.05", date = "2021-12-20" });
        added.StatusCode.Should().Be(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stops").GetArrayLength().Should().Be(3);
        var late = await admin.PostAsJsonAsync($"/api/v1/campaigns/{id}/stops", new { communeCode = "04.291.01.05", date = "2022-03-01" });
        late.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemDocument.ReadAsync(late)).Code.Should().Be("campaign.stop-outside-dates");
        (await admin.PostAsJsonAsync($"/api/v1/campaigns/{id}/stops", new { communeCode = "99.999.99.99", date = "2021-12-20" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync($"/api/v1/campaigns/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
