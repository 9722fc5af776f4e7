using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Applicants.Application.Imports;
using Applicants.Domain.Imports;
using Applicants.Infrastructure.Imports;
using Applicants.Infrastructure.Jobs;
using BuildingBlocks.Application.Security;
using Identity.Infrastructure.StaffAccounts;
using IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace IntegrationTests.Applicants;

public sealed class ImportsFactory : ApiFactory
{
    public ImportsFactory()
    {
        With("Hangfire:ServerEnabled", "true");
        With("Hangfire:QueuePollInterval", "00:00:00.200");
        With("Hangfire:WorkerCount", "2");
    }
}

/// <summary>Registrations collected in the field, loaded from a spreadsheet and registered line by line by a worker.</summary>
public sealed class PersonImportTests(ImportsFactory api) : IClassFixture<ImportsFactory>
{
    private const string Khemisset = "04.291";
    private const string Header =
        "cin,first_name,last_name,first_name_ar,last_name_ar,sex,birth_date,phone,email,commune_code,education_level,household_size,disability,categories,other_category_justification,employment_status,consented_on\n";

    private static string Line(string cin, string commune = "04.291.01.01", string sex = "F", string birthDate = "1992-04-17") =>
        $"{cin},Fatima,Ouali,فاطمة,والي,{sex},{birthDate},0661234567,,{commune},Primary,5,None,WomanInDifficultSituation;RuralYouth,,Unemployed,2021-12-04\n";

    [Fact]
    public async Task Each_line_is_registered_whole_or_refused_whole_with_its_columns_named_in_the_importers_language()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Khemisset), language: "fr");
        var cin = UniqueCin("KH");
        var file = Header
            + Line(cin)                                         // line 2: registered
            + Line(UniqueCin("KH"), sex: "X", birthDate: "31/02/1990") // line 3: sex and date refused before registration
            + Line("12345")                                     // line 4: the API's own CIN rule
            + Line(UniqueCin("NA"), commune: "02.381.01.01")    // line 5: Nador, outside the officer's province
            + Line(UniqueCin("KH"), commune: "04.291.99.99");   // line 6: no such commune

        var response = await officer.PostAsync("/api/v1/applicants/imports?fileName=caravane-khemisset.csv", Csv(file));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var import = await CompletedAsync(officer, response.Headers.Location!.ToString());
        (import.GetProperty("lines").GetInt32(), import.GetProperty("registered").GetInt32(), import.GetProperty("refused").GetInt32())
            .Should().Be((5, 1, 4));
        var refused = await officer.GetFromJsonAsync<JsonElement>($"{response.Headers.Location}/lines?outcome=Refused");
        var errors = refused.GetProperty("items").EnumerateArray().ToDictionary(
            l => l.GetProperty("line").GetInt32(),
            l => l.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()).ToList());
        errors.Should().BeEquivalentTo(new Dictionary<int, List<string?>>
        {
            [3] = ["sex", "birth_date"],
            [4] = ["cin"],
            [5] = ["commune_code"],
            [6] = ["commune_code"],
        });
        refused.GetProperty("items")[1].GetProperty("errors")[0].GetProperty("message").GetString().Should().Contain("lettres", "the officer imported in French");
        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/applicants?q={cin}");
        found.GetProperty("totalCount").GetInt64().Should().Be(1);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.persons WHERE commune_code IN ('02.381.01.01', '04.291.99.99')")).Should().Be(0);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.person_import_files WHERE id = '{import.GetProperty("id").GetGuid()}'"))
            .Should().Be(0, "the file's personal data is deleted once every line is in the database");
    }

    [Fact]
    public async Task The_same_file_sent_again_is_the_same_import_and_registers_nobody_twice()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Khemisset));
        var first = UniqueCin("KH");
        var file = Header + Line(first) + Line(UniqueCin("KH"));
        var sent = await officer.PostAsync("/api/v1/applicants/imports", Csv(file));
        await CompletedAsync(officer, sent.Headers.Location!.ToString());

        var again = await officer.PostAsync("/api/v1/applicants/imports", Csv(file));
        var overlapping = await officer.PostAsync("/api/v1/applicants/imports", Csv(Header + Line(first) + Line(UniqueCin("KH"))));

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()
            .Should().Be((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        overlapping.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var second = await CompletedAsync(officer, overlapping.Headers.Location!.ToString());
        (second.GetProperty("registered").GetInt32(), second.GetProperty("alreadyRegistered").GetInt32()).Should().Be((1, 1));
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.persons WHERE cin = '{first}'")).Should().Be(1);
        var lines = await officer.GetFromJsonAsync<JsonElement>($"{overlapping.Headers.Location}/lines?outcome=AlreadyRegistered");
        lines.GetProperty("items")[0].GetProperty("personId").GetGuid().Should().NotBeEmpty("the officer may read the person already registered");
    }

    [Fact]
    public async Task The_same_cin_on_several_lines_of_one_file_registers_one_person()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Khemisset));
        var cin = UniqueCin("DU");

        var sent = await officer.PostAsync("/api/v1/applicants/imports", Csv(Header + Line(cin) + Line(cin) + Line(cin) + Line(cin)));

        var import = await CompletedAsync(officer, sent.Headers.Location!.ToString());
        (import.GetProperty("registered").GetInt32(), import.GetProperty("alreadyRegistered").GetInt32()).Should().Be((1, 3));
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.persons WHERE cin = '{cin}'")).Should().Be(1);
    }

    [Fact]
    public async Task A_line_resembling_a_known_person_is_registered_and_flagged_for_the_duplicates_desk()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Khemisset));
        var known = Header + $"{UniqueCin("KN")},Mbarka,Ait Lahcen,مباركة,آيت لحسن,F,1979-01-09,0661234567,,04.291.03.01,None,7,None,,,Inactive,2021-12-04\n";
        await CompletedAsync(officer, (await officer.PostAsync("/api/v1/applicants/imports", Csv(known))).Headers.Location!.ToString());
        var file = Header
            + $"{UniqueCin("KN")},Mbarka,Ait Lahsen,مباركه,ايت لحسن,F,1979-01-09,0662345678,,04.291.03.01,None,7,None,,,Inactive,2021-12-05\n"
            + $"{UniqueCin("KN")},Youssef,Berrada,يوسف,برادة,M,2001-05-30,0663456789,,04.291.01.05,Higher,3,None,RuralYouth,,Student,2021-12-05\n";

        var sent = await officer.PostAsync("/api/v1/applicants/imports", Csv(file));

        var import = await CompletedAsync(officer, sent.Headers.Location!.ToString());
        (import.GetProperty("registered").GetInt32(), import.GetProperty("flaggedAsLikelyDuplicates").GetInt32()).Should().Be((2, 1));
        var flagged = await officer.GetFromJsonAsync<JsonElement>($"{sent.Headers.Location}/lines?likelyDuplicates=true");
        flagged.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("line").GetInt32()).Should().Equal(2);
        flagged.GetProperty("items")[0].GetProperty("likelyDuplicates").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task The_arabic_workbook_template_filled_in_registers_its_lines()
    {
        var admin = await api.AdminClientAsync();
        var template = await admin.GetAsync("/api/v1/applicants/imports/template?format=Xlsx&language=Ar");
        template.Content.Headers.ContentType!.MediaType.Should().Be(PersonImportFiles.XlsxMediaType);
        var headings = MiniExcel.Query(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToList();
        headings.Should().HaveCount(17).And.Contain("رقم البطاقة الوطنية").And.Contain("تاريخ الازدياد");

        var cin = UniqueCin("AR");
        var row = new Dictionary<string, object?>();
        var values = new object?[] { cin, null, null, "خديجة", "الإدريسي", "أنثى", new DateTime(1988, 6, 2), 661234567d, null, "04.291.01.01", "None", 4d, "Motor", "PersonWithDisability", null, "SelfEmployed", new DateTime(2021, 12, 4) };
        for (var i = 0; i < headings.Count; i++)
        {
            row[headings[i]!] = values[i];
        }

        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, new[] { row }, excelType: ExcelType.XLSX);
        var content = new ByteArrayContent(workbook.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(PersonImportFiles.XlsxMediaType);
        var sent = await admin.PostAsync("/api/v1/applicants/imports", content);

        sent.StatusCode.Should().Be(HttpStatusCode.Accepted, await sent.Content.ReadAsStringAsync());
        var import = await CompletedAsync(admin, sent.Headers.Location!.ToString());
        import.GetProperty("registered").GetInt32().Should().Be(1, await admin.GetStringAsync($"{sent.Headers.Location}/lines"));
        var person = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applicants?q={cin}")).GetProperty("items")[0];
        person.GetProperty("lastNameAr").GetString().Should().Be("الإدريسي");
        person.GetProperty("birthDate").GetString().Should().Be("1988-06-02");
        person.GetProperty("phone").GetString().Should().Be("+212661234567");
    }

    [Fact]
    public async Task The_french_csv_template_has_the_french_headings_with_a_bom()
    {
        var admin = await api.AdminClientAsync();

        var bytes = await admin.GetByteArrayAsync("/api/v1/applicants/imports/template?format=Csv&language=Fr");

        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes[3..]).Should().StartWith("CIN,Prénom (latin),Nom (latin),Prénom (arabe)");
    }

    [Fact]
    public async Task A_file_without_the_templates_headings_or_not_a_spreadsheet_is_refused_at_once()
    {
        var admin = await api.AdminClientAsync("en");
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.person_imports");

        var headings = await admin.PostAsync("/api/v1/applicants/imports", Csv("cin,name\nAB123456,Fatima\n"));
        var workbook = new ByteArrayContent(Encoding.UTF8.GetBytes("not a zip"));
        workbook.Headers.ContentType = new MediaTypeHeaderValue(PersonImportFiles.XlsxMediaType);
        var notXlsx = await admin.PostAsync("/api/v1/applicants/imports", workbook);
        var json = await admin.PostAsJsonAsync("/api/v1/applicants/imports", new { cin = "AB123456" });

        headings.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(headings)).Errors!["file"].Single().Should().Contain("birth_date");
        notXlsx.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(notXlsx)).Errors!.Keys.Should().Equal("file");
        json.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.person_imports")).Should().Be(before);
    }

    [Fact]
    public async Task A_file_malformed_far_down_is_refused_at_once_naming_the_line()
    {
        var admin = await api.AdminClientAsync("en");
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM applicants.person_imports");

        // The headings and the first lines are right; line 4 opens a quote that never closes.
        var response = await admin.PostAsync("/api/v1/applicants/imports", Csv(Header + Line(UniqueCin("MF")) + Line(UniqueCin("MF")) + "\"MF12345,Fatima,\"El Amrani\n"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["file"].Single().Should().Contain("4");
        (await api.ScalarAsync<long>("SELECT count(*) FROM applicants.person_imports")).Should().Be(before);
    }

    [Fact]
    public async Task A_worker_that_died_after_registering_lines_but_before_recording_them_registers_nobody_twice()
    {
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Khemisset));
        var cins = Enumerable.Range(0, 3).Select(_ => UniqueCin("RS")).ToList();
        var sent = await officer.PostAsync("/api/v1/applicants/imports", Csv(Header + string.Concat(cins.Select(c => Line(c)))));
        var import = await CompletedAsync(officer, sent.Headers.Location!.ToString());
        var id = import.GetProperty("id").GetGuid();
        // What a crash after line 3's registration but before its outcome was recorded leaves behind.
        await api.ExecuteAsync($"DELETE FROM applicants.imported_lines WHERE import_id = '{id}' AND line >= 3");
        await api.ExecuteAsync($"UPDATE applicants.person_imports SET status = 'Running', completed_on = NULL WHERE id = '{id}'");
        await api.ExecuteAsync($"INSERT INTO applicants.person_import_files (id, content) VALUES ('{id}', convert_to('{(Header + string.Concat(cins.Select(c => Line(c)))).Replace("'", "''", StringComparison.Ordinal)}', 'UTF8'))");

        await api.Services.GetRequiredService<PersonImportJob>().RunAsync(id, CancellationToken.None);

        var resumed = await officer.GetFromJsonAsync<JsonElement>(sent.Headers.Location!.ToString());
        resumed.GetProperty("status").GetString().Should().Be("Completed");
        (resumed.GetProperty("registered").GetInt32(), resumed.GetProperty("alreadyRegistered").GetInt32()).Should().Be((1, 2));
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.persons WHERE cin IN ('{string.Join("','", cins)}')")).Should().Be(3);
    }

    [Fact]
    public async Task A_file_received_but_never_handed_to_a_worker_is_picked_up_by_the_sweeper_once_it_is_old_enough()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Officer, Khemisset);
        var officer = await api.ClientForAsync(email);
        var cins = new[] { UniqueCin("SW"), UniqueCin("SW") };
        var id = await ReceivedButNeverEnqueuedAsync(email, Header + Line(cins[0]) + Line(cins[1]));
        var sweeper = api.Services.GetRequiredService<StuckImportsJob>();

        var young = await sweeper.RunAsync(CancellationToken.None);
        await api.ExecuteAsync($"UPDATE applicants.person_imports SET received_on = received_on - interval '1 hour' WHERE id = '{id}'");
        var old = await sweeper.RunAsync(CancellationToken.None);

        young.Should().NotContain(id, "an import received a moment ago is still on its way to a worker");
        old.Should().Contain(id);
        var import = await CompletedAsync(officer, $"/api/v1/applicants/imports/{id}");
        import.GetProperty("registered").GetInt32().Should().Be(2);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.persons WHERE cin IN ('{cins[0]}', '{cins[1]}')")).Should().Be(2);
    }

    [Fact]
    public async Task Two_workers_on_the_same_import_register_each_line_once()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Officer, Khemisset);
        var cins = Enumerable.Range(0, 40).Select(_ => UniqueCin("TW")).Distinct().ToList();
        var id = await ReceivedButNeverEnqueuedAsync(email, Header + string.Concat(cins.Select(c => Line(c))));
        var job = api.Services.GetRequiredService<PersonImportJob>();

        // A sweep on one host while the first job runs late on another: both start at once.
        await Task.WhenAll(job.RunAsync(id, CancellationToken.None), job.RunAsync(id, CancellationToken.None));

        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.persons WHERE cin IN ('{string.Join("','", cins)}')")).Should().Be(cins.Count);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.imported_lines WHERE import_id = '{id}'")).Should().Be(cins.Count);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.imported_lines WHERE import_id = '{id}' AND outcome = 'Registered'")).Should().Be(cins.Count);
        (await api.ScalarAsync<string>($"SELECT status FROM applicants.person_imports WHERE id = '{id}'")).Should().Be("Completed");
    }

    [Fact]
    public async Task An_import_whose_file_is_gone_is_reported_once_instead_of_failing_on_every_retry()
    {
        // What an earlier sweeper test did: a completed import set back to Queued by hand. Its file
        // was deleted on completion, so the job failed (no file) and Hangfire retried it for minutes.
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Khemisset));
        var sent = await officer.PostAsync("/api/v1/applicants/imports", Csv(Header + Line(UniqueCin("RQ"))));
        var id = (await CompletedAsync(officer, sent.Headers.Location!.ToString())).GetProperty("id").GetGuid();
        await api.ExecuteAsync($"UPDATE applicants.person_imports SET status = 'Queued', completed_on = NULL WHERE id = '{id}'");

        var run = () => api.Services.GetRequiredService<PersonImportJob>().RunAsync(id, CancellationToken.None);

        await run.Should().NotThrowAsync();
        api.Logs.Lines.Should().Contain(l => l.Contains(id.ToString(), StringComparison.Ordinal) && l.Contains("file is gone", StringComparison.Ordinal));
        (await api.ScalarAsync<long>($"SELECT count(*) FROM applicants.imported_lines WHERE import_id = '{id}'")).Should().Be(1);
    }

    [Fact]
    public async Task After_an_import_every_pooled_context_opens_its_own_connection_again()
    {
        var email = await api.CreateStaffAsync(StaffRoles.Officer, Khemisset);
        var cins = Enumerable.Range(0, 12).Select(_ => UniqueCin("PC")).Distinct().ToList();
        var id = await ReceivedButNeverEnqueuedAsync(email, Header + string.Concat(cins.Select(c => Line(c))));
        await api.Services.GetRequiredService<PersonImportJob>().RunAsync(id, CancellationToken.None);

        // The import's line scopes worked on connections the job owned and closed: a context given
        // back to the pool still holding one would fail the next request that rents it.
        var scopes = Enumerable.Range(0, 32).Select(_ => api.Services.CreateAsyncScope()).ToList();
        try
        {
            foreach (var scope in scopes)
            {
                var db = scope.ServiceProvider.GetRequiredService<global::Applicants.Infrastructure.Persistence.ApplicantsDbContext>();
                (await db.PersonImports.IgnoreQueryFilters().CountAsync(i => i.Id == new PersonImportId(id))).Should().Be(1);
            }
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    /// <summary>What a host that died between committing an import and handing it to Hangfire leaves behind: an import Queued, and no job.</summary>
    private async Task<Guid> ReceivedButNeverEnqueuedAsync(string email, string file)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
        scope.ServiceProvider.GetRequiredService<IActingCaller>().ActAs(user!.Id, [StaffRoles.Officer], [Khemisset]);
        var received = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ReceivePersonImportCommand("perdu.csv", ImportFormat.Csv, Encoding.UTF8.GetBytes(file)));
        return received.ImportId;
    }

    private static StringContent Csv(string text) => new(text, new UTF8Encoding(false), "text/csv");

    private static string UniqueCin(string letters) => $"{letters}{Random.Shared.Next(100_000, 999_999)}";

    private static Task<JsonElement> CompletedAsync(HttpClient client, string location) =>
        Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>(location),
            i => i.GetProperty("status").GetString() == "Completed",
            TimeSpan.FromSeconds(60));
}
