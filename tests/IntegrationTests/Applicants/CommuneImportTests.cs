using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Applicants;

/// <summary>An Admin loads HCP's newer communes file: every line checked, all or nothing.</summary>
public sealed class CommuneImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "code,province_code,kind,name_fr,name_ar\n";

    [Fact]
    public async Task A_file_adds_new_communes_corrects_changed_ones_and_sent_again_changes_nothing()
    {
        var client = await api.AdminClientAsync();
        var file = Header
            + "03.531.01.05,03.531,urban,Taounate,تاونات\n"               // as it is
            + "03.531.01.03,03.531,urban,Karia Ba Mohammed,قرية با محمد\n"  // spelling corrected
            + "\"03.531.09.91\",03.531,rural,\"Ain Aicha, centre\",عين عائشة المركز\n"; // new, quoted with a comma

        var first = await PostCsvAsync(client, file);
        var again = await PostCsvAsync(client, file);

        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("lines").GetInt32().Should().Be(3);
        report.GetProperty("addedCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("03.531.09.91");
        report.GetProperty("correctedCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("03.531.01.03");
        report.GetProperty("unchanged").GetInt32().Should().Be(1);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        (second.GetProperty("added").GetInt32(), second.GetProperty("corrected").GetInt32(), second.GetProperty("unchanged").GetInt32()).Should().Be((0, 0, 3));

        var communes = await client.GetFromJsonAsync<JsonElement>("/api/v1/geography/communes?province=03.531&q=centre");
        var added = communes.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        added.GetProperty("code").GetString().Should().Be("03.531.09.91");
        added.GetProperty("kind").GetString().Should().Be("Rural");
        added.GetProperty("nameFr").GetString().Should().Be("Ain Aicha, centre");
        (await api.ScalarAsync<string>("SELECT name_fr FROM applicants.communes WHERE code = '03.531.01.03'")).Should().Be("Karia Ba Mohammed");
    }

    [Fact]
    public async Task One_bad_line_refuses_the_file_naming_every_bad_line_and_column_and_writes_nothing()
    {
        var client = await api.AdminClientAsync("ar");
        var file = Header
            + "03.531.09.92,03.531,rural,Bni Snous,بني سنوس\n"   // line 2: good
            + "03.531.9.93,03.531,rural,Mezraoua,مزراوة\n"        // line 3: code shape
            + "03.531.09.94,99.999,rural,Outabouabane,أوطابوعبان\n" // line 4: unknown province
            + "03.531.09.95,02.381,rural,Sidi Mhamed,سيدي امحمد\n"   // line 5: not the code's province
            + "03.531.09.96,03.531,village,Ourtzagh,ورتزاغ\n"       // line 6: kind
            + "03.531.09.97,03.531,rural,,\n"                       // line 7: both names missing
            + "03.531.09.92,03.531,rural,Bni Snous,بني سنوس\n";   // line 8: twice

        var response = await PostCsvAsync(client, file);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors!.Keys.Should().BeEquivalentTo(
            "lines[3].code", "lines[4].province_code", "lines[5].province_code", "lines[6].kind", "lines[7].name_fr", "lines[7].name_ar", "lines[8].code");
        problem.Errors["lines[8].code"].Single().Should().Contain("03.531.09.92").And.Contain("2");
        problem.Errors["lines[6].kind"].Single().Should().Contain("حضرية");
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.communes WHERE code LIKE '03.531.09.9%'")).Should().Be(0);
    }

    [Fact]
    public async Task A_spreadsheet_export_with_a_bom_semicolons_and_columns_in_another_order_is_read()
    {
        var client = await api.AdminClientAsync();
        var file = "\uFEFFname_ar;NAME_FR;kind;code;province_code;remarks\r\nتافرانت;Tafrant;rural;03.531.09.81;03.531;nouvelle commune\r\n";

        var response = await PostCsvAsync(client, file);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await api.ScalarAsync<string>("SELECT name_ar FROM applicants.communes WHERE code = '03.531.09.81'")).Should().Be("تافرانت");
    }

    [Theory]
    [InlineData("code,kind\n03.531.09.71,rural\n", "file")]
    [InlineData("code,province_code,kind,name_fr,name_ar\n", "file")]
    [InlineData("code,province_code,kind,name_fr,name_ar\n03.531.09.72,03.531,rural,\"Tafrant,تافرانت\n", "lines[2]")]
    [InlineData("code,province_code,kind,name_fr,name_ar\n03.531.09.73,03.531,rural,Taf\u0001rant,تافرانت\n", "lines[2].name_fr")]
    public async Task A_file_that_is_not_the_communes_csv_is_400_naming_the_file_or_the_line(string file, string field)
    {
        var client = await api.AdminClientAsync();

        var response = await PostCsvAsync(client, file);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!.Keys.Should().Contain(field);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.communes WHERE code LIKE '03.531.09.7%'")).Should().Be(0);
    }

    [Fact]
    public async Task Json_is_415_and_an_officer_is_403()
    {
        var admin = await api.AdminClientAsync();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, "03.531"));
        var file = Header + "03.531.09.61,03.531,rural,Tafrant,تافرانت\n";

        var json = await admin.PostAsJsonAsync("/api/v1/geography/communes/imports", new { code = "03.531.09.61" });
        var forbidden = await PostCsvAsync(officer, file);

        json.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await ProblemDocument.ReadAsync(json)).Status.Should().Be(415);
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.communes WHERE code = '03.531.09.61'")).Should().Be(0);
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string file) =>
        client.PostAsync("/api/v1/geography/communes/imports", new StringContent(file, new UTF8Encoding(false), "text/csv"));
}
