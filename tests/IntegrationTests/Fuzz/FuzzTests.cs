using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace IntegrationTests.Fuzz;

/// <summary>
/// Every operation of <c>/openapi/v1.json</c>, as the host serves it, receives hostile values in
/// each parameter and each body property, one at a time, starting from a valid request, as each
/// kind of caller the operation admits. Whatever it is sent, the API answers without a 5xx,
/// without a stack trace, with a problem document for every 4xx, and writes nothing when it
/// refuses. Operations added later are fuzzed without a change here.
/// </summary>
public sealed partial class FuzzTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private const string OwnProvince = "03.531";
    private const string OtherProvince = "02.381";

    /// <summary>The operations that exist today: the fuzz test cannot silently test nothing.</summary>
    private static readonly string[] KnownOperations =
    [
        "Login", "RegisterPartner", "ListPartners", "GetPartner", "UpdatePartner", "IssuePartnerApiKey",
        "GetOwnPartnerProfile", "GetPartnersReport", "ListParkedMessages", "RetryParkedMessage",
        "ListSubscriptions", "ReplaySubscription", "DashboardSignIn",
        "CreateStaffAccount", "ListStaffAccounts", "GetStaffAccount", "UpdateStaffAccount", "DeactivateStaffAccount",
        "ReactivateStaffAccount", "UnlockStaffAccount", "GetOwnAccount", "ChangeOwnPassword", "RequestPasswordReset",
        "ConfirmPasswordReset", "ImportCommunes",
        "DefineProgramme", "ListProgrammes", "GetProgramme", "UpdateProgramme", "OpenProgramme", "CloseProgramme", "GetProgrammeBudget",
        "GetFinancing", "DisburseTranche", "ConveneCommittee", "ListCommittees", "GetCommittee", "RecordCommitteeDecision",
        "GetProgrammePortfolio", "ListLoans", "GetLoan", "GetLoanSchedule", "RecordRepayment",
        "RegisterMentor", "ListMentors", "GetMentor", "UpdateMentor", "ListMentoredProjects", "GetMentoredProject",
        "SuggestMentors", "AssignMentor", "ReassignMentor", "ListProjectVisits", "RescheduleVisit", "ReportVisit", "ListReminders",
        "PlanTraining", "ListTrainings", "GetTraining", "EnrolInTraining", "RecordTrainingAttendance", "GetTrainingRecord",
        "ListRegions", "ListProvinces", "ListCommunes", "RegisterApplicant", "ListApplicants", "GetApplicant", "UpdateApplicant",
        "ListDuplicates", "MergeDuplicate", "DismissDuplicate", "ImportApplicants", "GetApplicantImport", "GetApplicantImportTemplate",
        "ListApplicantImportLines", "SubmitApplication", "ListApplications", "GetApplication", "GetApplicationHistory",
        "AssessEligibility", "WithdrawApplication", "RegisterGroup", "ListGroups", "GetGroup", "UpdateGroup",
        "PlanCampaign", "ListCampaigns", "GetCampaign", "AddCampaignStop",
        "DraftConvention", "ListConventions", "GetConvention", "UpdateConvention", "SignConvention", "TerminateConvention",
        "RenewConvention", "AmendConvention", "ListConventionAmendments", "AddConventionObligation", "ListConventionObligations",
        "SettleConventionObligation", "ListPartnerApiKeys", "RotatePartnerApiKey", "RevokePartnerApiKey", "ListPartnerProjects",
        "GetPartnerProject", "SetPartnerWebhook", "GetPartnerWebhook", "RemovePartnerWebhook", "ListPartnerWebhookDeliveries",
        "GetPartnerWebhookDelivery", "ReplayPartnerWebhookDelivery", "ReferCandidate", "ListReferrals", "GetReferral", "GetConventionCommittee", "SetConventionCommittee",
        "RecordCommitteeMeeting", "ListConventionActionPlans", "PlanConventionYear", "EvaluateConventionActionPlan",
    ];

    private const string Placeholder = "__fuzz_placeholder__";

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _requestsPerOperation = [];
    private readonly Dictionary<string, (string? Valid, string? Foreign)> _ids = [];

    /// <summary>The beginning of the last answer's body, to say why a valid request was refused.</summary>
    private string _lastAnswer = string.Empty;
    private string _fingerprintSql = null!;
    private string _pendingSql = null!;
    private string _fingerprint = null!;
    private long _nextTransaction;
    private readonly Stopwatch _sending = new();
    private readonly Stopwatch _comparing = new();
    private readonly Stopwatch _waiting = new();

    [Fact]
    public async Task Every_operation_answers_hostile_input_without_a_5xx_with_a_problem_document_and_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var admin = await api.AdminClientAsync("en");
        var officerEmail = await api.CreateStaffAsync(StaffRoles.Officer, OwnProvince);
        var officer = await api.ClientForAsync(officerEmail, language: "en");
        await Register(admin, OwnProvince);
        await Register(admin, OtherProvince);
        var partnerSystem = await PartnerSystemAsync(admin);
        var anonymous = api.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        // References a valid request needs to be valid: an open programme to apply to.
        var references = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["programmeId"] = (await IntegrationTests.Applicants.ApplicationData.OpenProgrammeAsync(admin)).ToString(),
        };
        var values = new ValidValues(document, OwnProvince, references);
        await PrepareFingerprintAsync();

        var setUp = clock.Elapsed;
        var operations = Operations(document).ToList();
        operations.Select(o => o.Id).Should().Contain(KnownOperations);

        foreach (var operation in operations)
        {
            var callers = Schemes(operation.Definition) switch
            {
                var s when s.Count == 0 => [("anonymous", anonymous)],
                var s when s.Contains("ApiKey") => new List<(string, HttpClient)> { ("partner system", partnerSystem) },
                _ => [("admin", admin), ("officer", officer)],
            };
            foreach (var (caller, client) in callers)
            {
                if (caller == "officer")
                {
                    await ReopenSessionAsync(officer, officerEmail);
                }

                await FuzzAsync(operation, caller, client, values, admin, officer);
            }
        }

        output.WriteLine($"{_requestsPerOperation.Values.Sum()} requests in {clock.Elapsed.TotalSeconds:0.0} s (setting up {setUp.TotalSeconds:0.0} s); sending {_sending.Elapsed.TotalSeconds:0.0} s, comparing {_comparing.Elapsed.TotalSeconds:0.0} s, waiting {_waiting.Elapsed.TotalSeconds:0.0} s");
        foreach (var (id, count) in _requestsPerOperation)
        {
            output.WriteLine($"{id}: {count}");
        }

        _requestsPerOperation.Keys.Should().Contain(KnownOperations);
        _failures.Should().BeEmpty(string.Join('\n', _failures.Distinct().Take(60)));
    }

    /// <summary>
    /// The admin's valid request may deactivate the officer (the one account both see), which ends
    /// the officer's session for good; a new one is opened so later operations are still tried as him.
    /// </summary>
    private async Task ReopenSessionAsync(HttpClient officer, string email)
    {
        using var probe = await officer.GetAsync("/api/v1/me");
        if (probe.StatusCode != HttpStatusCode.Unauthorized)
        {
            return;
        }

        using var login = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password });
        if (login.IsSuccessStatusCode)
        {
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    private sealed record Operation(string Method, string Path, string Id, JsonElement Definition);

    private sealed record Parameter(string Name, string In, JsonElement Schema, bool Required);

    private static IEnumerable<Operation> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => new Operation(op.Name.ToUpperInvariant(), path.Name, op.Value.GetProperty("operationId").GetString()!, op.Value)));

    private static List<string> Schemes(JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList()
            : [];

    private async Task FuzzAsync(Operation operation, string caller, HttpClient client, ValidValues values, HttpClient admin, HttpClient officer)
    {
        var parameters = operation.Definition.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => new Parameter(
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("schema", out var s) ? s : default,
                p.TryGetProperty("required", out var r) && r.GetBoolean())).ToList()
            : [];
        var bodySchema = operation.Definition.TryGetProperty("requestBody", out var requestBody)
            && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                ? json.GetProperty("schema")
                : (JsonElement?)null;
        if (operation.Definition.TryGetProperty("requestBody", out var formBody)
            && formBody.GetProperty("content").TryGetProperty(FormMediaType, out var form))
        {
            await FuzzFormAsync(operation, caller, client, form);
            return;
        }

        if (operation.Definition.TryGetProperty("requestBody", out var csvBody)
            && csvBody.GetProperty("content").TryGetProperty(CsvMediaType, out var csv))
        {
            await FuzzCsvAsync(operation, caller, client, csv);
            return;
        }

        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        string? foreignId = null;
        foreach (var parameter in parameters.Where(p => p.In == "path"))
        {
            var (id, foreign) = await IdsForAsync(operation.Path, parameter.Name, admin, officer);
            var resolved = values.Resolve(parameter.Schema);
            valid[parameter.Name] = resolved.TryGetProperty("format", out var format) && format.GetString() == "uuid"
                ? id ?? Guid.NewGuid().ToString()
                : values.TextFor(parameter.Schema, parameter.Name);
            foreignId ??= foreign;
        }

        JsonNode? Body() => bodySchema is { } schema ? values.For(schema, "body") : null;
        var randomId = Guid.NewGuid().ToString();

        // The valid request itself: refused as invalid, it would make every hostile value below meaningless.
        var baseline = await SendAsync(operation, caller, client, parameters, valid, null, null, Body()?.ToJsonString(), "valid request");
        if (caller != "officer" && baseline == HttpStatusCode.BadRequest)
        {
            _failures.Add($"{operation.Id} as {caller}: the valid request built from the document is refused with 400; fuzzing it tests only validation: {_lastAnswer}");
        }

        if (baseline == HttpStatusCode.Forbidden || (baseline == HttpStatusCode.Unauthorized && caller != "anonymous"))
        {
            // The caller may not use this operation at all: authorisation answers before any value is
            // read, so one hostile value per place shows that, and the rest would test nothing new.
            await SendAsync(operation, caller, client, parameters, valid, null, null, "{\"a\": \"\\u0000\"}", "body with NUL, not allowed to call");
            return;
        }

        foreach (var parameter in parameters)
        {
            foreach (var (label, value) in HostileValues.ForUrl(randomId, foreignId))
            {
                await SendAsync(operation, caller, client, parameters, valid, parameter, value, Body()?.ToJsonString(), $"{parameter.In} {parameter.Name} = {label}");
            }
        }

        if (bodySchema is null)
        {
            return;
        }

        foreach (var whole in new[] { "null", "[]", "\"x\"", "42", "{}", "{\"a\\u0000\": \"b\"}" })
        {
            await SendAsync(operation, caller, client, parameters, valid, null, null, whole, $"body = {whole}");
        }

        foreach (var location in Locations(Body()!, string.Empty))
        {
            foreach (var (label, fragment) in HostileValues.ForBody(randomId, foreignId))
            {
                var body = Body()!;
                location.Set(body, Placeholder);
                var text = body.ToJsonString().Replace($"\"{Placeholder}\"", fragment, StringComparison.Ordinal);
                await SendAsync(operation, caller, client, parameters, valid, null, null, text, $"body {location.Path} = {label}");
            }
        }
    }

    private const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>
    /// A browser form (the dashboard sign-in): each field receives every hostile value, sent as the
    /// page's form with the page's antiforgery field, as a browser would.
    /// </summary>
    private async Task FuzzFormAsync(Operation operation, string caller, HttpClient client, JsonElement media)
    {
        var valid = media.TryGetProperty("example", out var example)
            ? example.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal)
            : throw new InvalidOperationException($"{operation.Id}: the form has no example to start from");
        var baseline = await SendFormAsync(operation, caller, client, valid, "valid form");
        if (baseline == HttpStatusCode.BadRequest)
        {
            _failures.Add($"{operation.Id} as {caller}: the valid form built from the document is refused with 400; fuzzing it tests only validation");
        }

        foreach (var field in valid.Keys.ToList())
        {
            foreach (var (label, value) in HostileValues.ForUrl(Guid.NewGuid().ToString(), null))
            {
                var fields = new Dictionary<string, string>(valid, StringComparer.Ordinal) { [field] = value };
                await SendFormAsync(operation, caller, client, fields, $"form {field} = {label}");
            }
        }

        // Without the page's antiforgery field the form is refused, whatever it holds.
        await SendFormAsync(operation, caller, client, valid, "form without antiforgery field", antiforgery: false);
    }

    private const string CsvMediaType = "text/csv";

    /// <summary>
    /// A spreadsheet upload: the document's example file is the valid request; then each cell of its
    /// first data line receives every hostile value (quoted as CSV quotes it), and whole files that
    /// are not what the operation reads are sent as CSV.
    /// </summary>
    private async Task FuzzCsvAsync(Operation operation, string caller, HttpClient client, JsonElement media)
    {
        var example = media.TryGetProperty("example", out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new InvalidOperationException($"{operation.Id}: the CSV body has no example file to start from");
        var lines = example.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var baseline = await SendCsvAsync(operation, caller, client, example, CsvMediaType, "valid file");
        if (caller != "officer" && baseline == HttpStatusCode.BadRequest)
        {
            _failures.Add($"{operation.Id} as {caller}: the example file in the document is refused with 400; fuzzing it tests only validation");
        }

        if (baseline == HttpStatusCode.Forbidden || (baseline == HttpStatusCode.Unauthorized && caller != "anonymous"))
        {
            await SendCsvAsync(operation, caller, client, lines[0] + "\n\0\n", CsvMediaType, "file with NUL, not allowed to call");
            return;
        }

        var header = lines[0].Split(',');
        var cells = lines[1].Split(',');
        for (var column = 0; column < cells.Length; column++)
        {
            foreach (var (label, value) in HostileValues.ForUrl(Guid.NewGuid().ToString(), null))
            {
                var line = string.Join(',', cells.Select((cell, i) => i == column ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell));
                await SendCsvAsync(operation, caller, client, $"{lines[0]}\n{line}\n", CsvMediaType, $"line 2 {header[Math.Min(column, header.Length - 1)]} = {label}");
            }
        }

        foreach (var (label, file) in new[]
        {
            ("empty file", string.Empty),
            ("header only", lines[0] + "\n"),
            ("NUL byte", "\0"),
            ("unterminated quote", $"{lines[0]}\n\"{lines[1]}\n"),
            ("line with too few cells", $"{lines[0]}\nx\n"),
            ("line with 1,000 cells", $"{lines[0]}\n{string.Join(',', Enumerable.Repeat("x", 1_000))}\n"),
            ("other columns", "a,b,c\n1,2,3\n"),
            ("JSON", "{\"a\": 1}"),
            ("the file twice on one line", lines[1] + "," + lines[1]),
        })
        {
            await SendCsvAsync(operation, caller, client, file, CsvMediaType, $"file = {label}");
        }

        await SendCsvAsync(operation, caller, client, example, "application/json", "the file sent as application/json");
        using var invalidUtf8 = new ByteArrayContent([.. Encoding.UTF8.GetBytes(lines[0] + "\n"), 0xC3, 0x28, 0xFF, 0xFE, (byte)'\n']);
        invalidUtf8.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(CsvMediaType);
        await SendCsvAsync(operation, caller, client, invalidUtf8, "invalid UTF-8");
    }

    private Task<HttpStatusCode> SendCsvAsync(Operation operation, string caller, HttpClient client, string file, string mediaType, string what) =>
        SendCsvAsync(operation, caller, client, new StringContent(file, Encoding.UTF8, mediaType), what);

    private async Task<HttpStatusCode> SendCsvAsync(Operation operation, string caller, HttpClient client, HttpContent content, string what)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path) { Content = content };
        return await SendRequestAsync(operation, caller, client, request, what);
    }

    private async Task<HttpStatusCode> SendFormAsync(Operation operation, string caller, HttpClient client, Dictionary<string, string> fields, string what, bool antiforgery = true)
    {
        var body = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        if (antiforgery)
        {
            var page = await client.GetStringAsync(operation.Path);
            var token = AntiforgeryField().Match(page);
            if (!token.Success)
            {
                _failures.Add($"{operation.Id}: the page at GET {operation.Path} has no antiforgery field");
                return 0;
            }

            body[token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value);
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path)
        {
            Content = new StringContent(
                string.Join('&', body.Select(f => $"{HostileValues.UrlEncode(f.Key)}={HostileValues.UrlEncode(f.Value)}")),
                Encoding.UTF8,
                FormMediaType),
        };
        return await SendRequestAsync(operation, caller, client, request, what);
    }

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record Location(string Path, Action<JsonNode, string> Set);

    /// <summary>Every property of a body, nested ones included, and the first item of each array.</summary>
    private static IEnumerable<Location> Locations(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    var here = path.Length == 0 ? name : $"{path}.{name}";
                    yield return new Location(here, (root, value) => Navigate(root, path)!.AsObject()[name] = value);
                    if (child is JsonObject or JsonArray)
                    {
                        foreach (var nested in Locations(child, here))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray { Count: > 0 } array:
                var item = $"{path}[0]";
                yield return new Location(item, (root, value) => Navigate(root, path)!.AsArray()[0] = value);
                foreach (var nested in Locations(array[0]!, item))
                {
                    yield return nested;
                }

                break;
        }
    }

    private static JsonNode? Navigate(JsonNode root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.EndsWith("[0]", StringComparison.Ordinal) ? segment[..^3] : segment;
            node = node![name];
            if (segment.EndsWith("[0]", StringComparison.Ordinal))
            {
                node = node![0];
            }
        }

        return node;
    }

    private async Task<HttpStatusCode> SendAsync(
        Operation operation, string caller, HttpClient client, List<Parameter> parameters, Dictionary<string, string> valid,
        Parameter? hostile, string? hostileValue, string? body, string what)
    {
        var path = operation.Path;
        foreach (var parameter in parameters.Where(p => p.In == "path"))
        {
            var value = parameter == hostile ? hostileValue! : valid[parameter.Name];
            path = path.Replace($"{{{parameter.Name}}}", HostileValues.UrlEncode(value), StringComparison.Ordinal);
        }

        var query = parameters.Where(p => p.In == "query" && (p == hostile || p.Required))
            .Select(p => $"{HostileValues.UrlEncode(p.Name)}={HostileValues.UrlEncode(p == hostile ? hostileValue! : valid.GetValueOrDefault(p.Name, "1"))}");
        var uri = path + (query.Any() ? "?" + string.Join('&', query) : string.Empty);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), uri);
        if (hostile is { In: "header" })
        {
            request.Headers.TryAddWithoutValidation(hostile.Name, hostileValue);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await SendRequestAsync(operation, caller, client, request, what);
    }

    private async Task<HttpStatusCode> SendRequestAsync(Operation operation, string caller, HttpClient client, HttpRequestMessage request, string what)
    {
        _requestsPerOperation[operation.Id] = _requestsPerOperation.GetValueOrDefault(operation.Id) + 1;
        var context = $"{operation.Id} ({operation.Method} {operation.Path}) as {caller}, {what}";
        HttpResponseMessage response;
        try
        {
            _sending.Start();
            response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            _sending.Stop();
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The test host cannot put a NUL in a path (Kestrel refuses it too); the screening of route values is tested on its own.
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            _failures.Add($"{context}: the host threw {e.GetType().Name}: {e.Message}");
            return 0;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            _lastAnswer = text[..Math.Min(300, text.Length)];
            if (status >= 500)
            {
                _failures.Add($"{context}: {status}");
            }

            if (StackTrace().IsMatch(text))
            {
                _failures.Add($"{context}: the body shows a stack trace or an exception type: {text[..Math.Min(200, text.Length)]}");
            }

            if (status is >= 400 and < 500)
            {
                CheckProblemDocument(response, text, context);
            }

            await CheckWritesAsync(operation, status, context);
            return response.StatusCode;
        }
    }

    private void CheckProblemDocument(HttpResponseMessage response, string text, string context)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add($"{context}: {status} answered as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not a problem document");
            return;
        }

        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status
                || !problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
            {
                _failures.Add($"{context}: the problem document lacks its status or title: {text[..Math.Min(200, text.Length)]}");
            }
        }
        catch (JsonException)
        {
            _failures.Add($"{context}: the problem document is not JSON");
        }
    }

    /// <summary>
    /// A refused request leaves every module's tables as they were. An accepted change may write;
    /// then the messages it caused are handled before the next comparison. A failed sign-in (401)
    /// is recorded on purpose (it slows the account down), and so is a refused sign-in form, which
    /// a browser is answered with a redirect back to the page.
    /// </summary>
    private async Task CheckWritesAsync(Operation operation, int status, string context)
    {
        if (operation.Method == "GET")
        {
            return;
        }

        if (status is 401 or (>= 300 and < 400))
        {
            _nextTransaction = await NextTransactionAsync();
            return;
        }

        if (status is >= 200 and < 300)
        {
            await QuiesceAsync();
            return;
        }

        // No transaction id handed out since the last check means nothing was written; only
        // otherwise (a write rolled back, or a bug) are the tables themselves compared.
        _comparing.Start();
        var next = await NextTransactionAsync();
        var now = next == _nextTransaction ? _fingerprint : await FingerprintAsync();
        _nextTransaction = next;
        _comparing.Stop();
        if (now != _fingerprint)
        {
            _failures.Add($"{context}: answered {status} but a row was written");
            await QuiesceAsync();
        }
    }

    /// <summary>Waits until the messages an accepted change caused are relayed and handled, then takes the new fingerprint.</summary>
    private async Task QuiesceAsync()
    {
        _waiting.Start();
        var deadline = Stopwatch.StartNew();
        while (await api.ScalarAsync<long>(_pendingSql) > 0)
        {
            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the messages of an accepted change are handled");
            await Task.Delay(5);
        }

        _fingerprint = await FingerprintAsync();
        _nextTransaction = await NextTransactionAsync();
        _waiting.Stop();
    }

    private async Task PrepareFingerprintAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE'
              AND table_schema NOT IN ('pg_catalog', 'information_schema', 'hangfire')
              AND table_name NOT LIKE '%migrations_history%' AND table_name NOT LIKE '%data_protection%'
            ORDER BY 1, 2
            """,
            connection);
        var tables = new List<(string Schema, string Table)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        tables.Should().Contain(t => t.Table == "outbox_messages", "the fingerprint must see the modules' tables");
        _fingerprintSql = "SELECT md5(concat_ws(',', " + string.Join(", ", tables.Select(t =>
            $"(SELECT coalesce(sum(hashtextextended(x::text, 0)), 0) FROM \"{t.Schema}\".\"{t.Table}\" x)")) + "))";
        _pendingSql = "SELECT " + string.Join(" + ", tables.Where(t => t.Table is "outbox_messages" or "inbox_messages").Select(t =>
            t.Table == "outbox_messages"
                ? $"(SELECT count(*) FROM \"{t.Schema}\".outbox_messages WHERE processed_on IS NULL)"
                : $"(SELECT count(*) FROM \"{t.Schema}\".inbox_messages WHERE processed_on IS NULL AND parked_on IS NULL)"));
        await QuiesceAsync();
    }

    private Task<long> NextTransactionAsync() =>
        api.ScalarAsync<long>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");

    private async Task<string> FingerprintAsync() => (await api.ScalarAsync<string>(_fingerprintSql))!;

    /// <summary>
    /// The id of a record the officer can see (valid) and of one he cannot (foreign), taken from
    /// the list operation of the collection the path parameter belongs to, when there is one.
    /// </summary>
    private async Task<(string? Valid, string? Foreign)> IdsForAsync(string path, string parameter, HttpClient admin, HttpClient officer)
    {
        var collection = path[..path.IndexOf($"{{{parameter}}}", StringComparison.Ordinal)].TrimEnd('/');
        if (collection.Contains('{', StringComparison.Ordinal))
        {
            return (null, null);
        }

        if (_ids.TryGetValue(collection, out var known))
        {
            return known;
        }

        var seenByAdmin = await IdsListedAsync(admin, collection);
        var seenByOfficer = await IdsListedAsync(officer, collection);
        var ids = (seenByOfficer.FirstOrDefault(seenByAdmin.Contains), seenByAdmin.FirstOrDefault(id => !seenByOfficer.Contains(id)));
        _ids[collection] = ids;
        return ids;
    }

    private static async Task<List<string>> IdsListedAsync(HttpClient client, string collection)
    {
        using var response = await client.GetAsync($"{collection}?pageSize=200");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var root = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = root.ValueKind == JsonValueKind.Array ? root : root.TryGetProperty("items", out var i) ? i : default;
        return items.ValueKind != JsonValueKind.Array
            ? []
            : items.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out _))
                .Select(item => item.GetProperty("id").ToString())
                .ToList();
    }

    private static async Task Register(HttpClient admin, string province) =>
        (await admin.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: province))).EnsureSuccessStatusCode();

    private async Task<HttpClient> PartnerSystemAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: OwnProvince));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var issued = await admin.PostAsJsonAsync($"/api/v1/partners/{id}/api-keys", new { label = "Fuzz", scopes = new[] { "referrals:write", "status:read", "webhooks:manage" } });
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [GeneratedRegex(@"\bat [\w.<>`]+\(|[A-Z]\w*Exception\b|\.cs:line \d+")]
    private static partial Regex StackTrace();
}
