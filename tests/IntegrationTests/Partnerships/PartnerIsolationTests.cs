using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Applicants.Contracts;
using BuildingBlocks.Infrastructure.Messaging;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Partnerships;

/// <summary>
/// The BOLA matrix: two partners, each with a key holding every scope, its webhook endpoint, a
/// project it follows and a delivery. Every operation under <c>/api/v1/partner/</c> that the
/// document lists is tried by partner B against partner A's data: another partner's id answers
/// 404 (never 403, never data), and what B lists or changes is B's own. Operations are taken from
/// <c>/openapi/v1.json</c>, so one added later is tried too: with its row in <see cref="Cases"/>
/// when it needs a setup of its own, else by the generic rule (A's ids in its path answer 404, its
/// documented example as body is never refused as forbidden and never shows A's data).
/// </summary>
public sealed class PartnerIsolationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Side(Guid Partner, HttpClient System, Guid Application, Guid Delivery, string Url, Guid Referral = default, JsonElement Person = default, Guid Programme = default);

    private sealed record World(Side A, Side B);

    private delegate Task<string?> Case(World world, string path);

    /// <summary>The setup and expectation of each partner operation; null means it holds.</summary>
    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["GetOwnPartnerProfile"] = async (w, path) =>
        {
            var profile = await w.B.System.GetFromJsonAsync<JsonElement>(path);
            return profile.GetProperty("id").GetGuid() == w.B.Partner ? null : "B read another partner's profile";
        },
        ["ListPartnerProjects"] = async (w, path) =>
        {
            var own = await w.A.System.GetStringAsync(path);
            var other = await w.B.System.GetStringAsync(path);
            return !own.Contains(w.A.Application.ToString(), StringComparison.Ordinal) ? "A does not see its own project (the setup failed)"
                : other.Contains(w.A.Application.ToString(), StringComparison.Ordinal) ? "B's feed lists A's project" : null;
        },
        ["GetPartnerProject"] = (w, path) => OwnOkOtherNotFoundAsync(w, HttpMethod.Get, path.Replace("{applicationId}", w.A.Application.ToString(), StringComparison.Ordinal)),
        ["GetPartnerWebhook"] = async (w, path) =>
        {
            var other = await w.B.System.GetStringAsync(path);
            return other.Contains(w.A.Url, StringComparison.Ordinal) || !other.Contains(w.B.Url, StringComparison.Ordinal) ? "B does not read its own webhook alone" : null;
        },
        ["SetPartnerWebhook"] = async (w, path) =>
        {
            (await w.B.System.PutAsJsonAsync(path, new { url = w.B.Url })).EnsureSuccessStatusCode();
            var a = await w.A.System.GetStringAsync(path);
            return a.Contains(w.A.Url, StringComparison.Ordinal) ? null : "B's registration changed A's webhook";
        },
        ["RemovePartnerWebhook"] = async (w, path) =>
        {
            using var removed = await w.B.System.DeleteAsync(path);
            using var stillThere = await w.A.System.GetAsync(path);
            (await w.B.System.PutAsJsonAsync(path, new { url = w.B.Url })).EnsureSuccessStatusCode();
            return removed.StatusCode != HttpStatusCode.NoContent ? $"B could not remove its own webhook: {removed.StatusCode}"
                : stillThere.StatusCode != HttpStatusCode.OK ? "B's removal removed A's webhook" : null;
        },
        ["ListPartnerWebhookDeliveries"] = async (w, path) =>
        {
            var own = await w.A.System.GetStringAsync(path);
            var other = await w.B.System.GetStringAsync(path);
            return !own.Contains(w.A.Delivery.ToString(), StringComparison.Ordinal) ? "A does not see its own delivery (the setup failed)"
                : other.Contains(w.A.Delivery.ToString(), StringComparison.Ordinal) ? "B lists A's delivery" : null;
        },
        ["ListReferrals"] = async (w, path) =>
        {
            var own = await w.A.System.GetStringAsync(path);
            var other = await w.B.System.GetStringAsync(path);
            return !own.Contains(w.A.Referral.ToString(), StringComparison.Ordinal) ? "A does not see its own referral (the setup failed)"
                : other.Contains(w.A.Referral.ToString(), StringComparison.Ordinal) ? "B lists A's referral" : null;
        },
        ["GetReferral"] = (w, path) => OwnOkOtherNotFoundAsync(w, HttpMethod.Get, path.Replace("{id}", w.A.Referral.ToString(), StringComparison.Ordinal)),
        ["ReferCandidate"] = async (w, path) =>
        {
            // B refers the very person A referred: the person's record is shared, the referrals are not.
            using var response = await w.B.System.PostAsJsonAsync(path, ReferralOf(w.A.Person, w.A.Programme));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return $"B's referral of a person A referred answered {(int)response.StatusCode}: {text}";
            }

            var own = await w.A.System.GetStringAsync(path);
            var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
            return text.Contains(w.A.Referral.ToString(), StringComparison.Ordinal) ? "B's answer shows A's referral"
                : own.Contains(id, StringComparison.Ordinal) ? "A lists B's referral" : null;
        },
        ["GetPartnerWebhookDelivery"] = (w, path) => OwnOkOtherNotFoundAsync(w, HttpMethod.Get, path.Replace("{deliveryId}", w.A.Delivery.ToString(), StringComparison.Ordinal)),
        ["ReplayPartnerWebhookDelivery"] = async (w, path) =>
        {
            var target = path.Replace("{deliveryId}", w.A.Delivery.ToString(), StringComparison.Ordinal);
            using var other = await w.B.System.PostAsync(target, null);
            if (other.StatusCode != HttpStatusCode.NotFound)
            {
                return $"B replaying A's delivery answered {(int)other.StatusCode}";
            }

            using var own = await w.A.System.PostAsync(target, null);
            return own.StatusCode == HttpStatusCode.Accepted ? null : $"A could not replay its own delivery: {(int)own.StatusCode}";
        },
    };

    [Fact]
    public async Task No_partner_operation_lets_a_partner_read_or_change_another_partners_data()
    {
        var admin = await api.AdminClientAsync("en");
        var a = await SideAsync(admin, "https://a.example.ma/hooks");
        var b = await SideAsync(admin, "https://b.example.ma/hooks");
        await Eventually.Until(
            async () => (await a.System.GetStringAsync("/api/v1/partner/webhooks/deliveries")) + (await b.System.GetStringAsync("/api/v1/partner/webhooks/deliveries")),
            s => s.Split("\"id\"").Length == 3);
        var programme = await IntegrationTests.Applicants.ApplicationData.OpenProgrammeAsync(admin);
        var person = JsonSerializer.SerializeToElement(IntegrationTests.Applicants.ApplicationData.Person(commune: "02.381.01.01"));
        var world = new World(
            a with { Delivery = await DeliveryOfAsync(a.System), Referral = await ReferAsync(a.System, person, programme), Person = person, Programme = programme },
            b with { Delivery = await DeliveryOfAsync(b.System) });

        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/partner/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject()
                .Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(o => (Method: o.Name, Path: p.Name, Id: o.Value.GetProperty("operationId").GetString()!, Definition: o.Value)))
            .ToList();
        operations.Select(o => o.Id).Should().Contain(Cases.Keys, "every row of the table is an operation of the document");

        var failures = new List<string>();
        // The removal runs last: the other rows expect both webhooks in place.
        foreach (var operation in operations.OrderBy(o => o.Id == "RemovePartnerWebhook"))
        {
            var failure = Cases.TryGetValue(operation.Id, out var check)
                ? await check(world, operation.Path)
                : await GenericAsync(world, operation.Method, operation.Path, operation.Definition);
            if (failure is not null)
            {
                failures.Add($"{operation.Id} ({operation.Method.ToUpperInvariant()} {operation.Path}): {failure}");
            }
        }

        failures.Should().BeEmpty();
    }

    /// <summary>For an operation without a row: A's ids in the path answer 404; its documented example is never forbidden and never shows A's data.</summary>
    private static async Task<string?> GenericAsync(World w, string method, string path, JsonElement definition)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase)
        {
            ["applicationId"] = w.A.Application,
            ["deliveryId"] = w.A.Delivery,
            ["partnerId"] = w.A.Partner,
            ["id"] = w.A.Referral,
        };
        var hasId = false;
        var target = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m =>
        {
            hasId = true;
            return (ids.TryGetValue(m.Groups[1].Value, out var id) ? id : Guid.NewGuid()).ToString();
        });
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), target);
        if (definition.TryGetProperty("requestBody", out var body)
            && body.GetProperty("content").TryGetProperty("application/json", out var json)
            && json.TryGetProperty("example", out var example))
        {
            request.Content = new StringContent(example.GetRawText(), Encoding.UTF8, "application/json");
        }

        using var response = await w.B.System.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (hasId)
        {
            return response.StatusCode == HttpStatusCode.NotFound ? null : $"another partner's id answered {(int)response.StatusCode}";
        }

        return response.StatusCode == HttpStatusCode.Forbidden || (int)response.StatusCode >= 500 ? $"answered {(int)response.StatusCode}"
            : new[] { w.A.Partner, w.A.Application, w.A.Delivery, w.A.Referral }.Any(id => text.Contains(id.ToString(), StringComparison.Ordinal)) ? "shows A's data" : null;
    }

    private static async Task<string?> OwnOkOtherNotFoundAsync(World w, HttpMethod method, string target)
    {
        using var other = await w.B.System.SendAsync(new HttpRequestMessage(method, target));
        if (other.StatusCode != HttpStatusCode.NotFound)
        {
            return $"another partner's id answered {(int)other.StatusCode}";
        }

        using var own = await w.A.System.SendAsync(new HttpRequestMessage(method, target));
        return own.IsSuccessStatusCode ? null : $"the owner's own request answered {(int)own.StatusCode} (the setup failed)";
    }

    private async Task<Side> SideAsync(HttpClient admin, string url)
    {
        var partner = await ConventionTests.PartnerAsync(admin, "Association", "02.381");
        var issued = await admin.PostAsJsonAsync($"/api/v1/partners/{partner}/api-keys", new { label = "bola", scopes = new[] { "referrals:write", "status:read", "webhooks:manage" } });
        var system = api.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        (await system.PutAsJsonAsync("/api/v1/partner/webhooks", new { url })).EnsureSuccessStatusCode();
        var application = Guid.NewGuid();
        await PublishAsync(application, partner);
        return new Side(partner, system, application, Guid.Empty, url);
    }

    private static object ReferralOf(JsonElement person, Guid programme) => new
    {
        person,
        project = new
        {
            programmeId = programme,
            title = "Atelier de couture",
            sector = "Crafts",
            communeCode = "02.381.01.01",
            description = "Deux machines à coudre et le tissu de trois mois.",
            estimatedTotalCost = 48_000.00m,
            requestedAmount = 40_000.00m,
            ownContribution = 8_000.00m,
            expectedJobs = 2,
        },
    };

    private static async Task<Guid> ReferAsync(HttpClient system, JsonElement person, Guid programme)
    {
        var response = await system.PostAsJsonAsync("/api/v1/partner/referrals", ReferralOf(person, programme));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> DeliveryOfAsync(HttpClient system) =>
        (await system.GetFromJsonAsync<JsonElement>("/api/v1/partner/webhooks/deliveries")).GetProperty("items")[0].GetProperty("id").GetGuid();

    private Task PublishAsync(Guid application, Guid referrer)
    {
        var changedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));
        var e = new ApplicationStageChangedIntegrationEvent(application, Guid.NewGuid(), referrer, null, "Submitted", null, 1, changedAt, changedAt);
        var content = MessageSerializer.Serialize(e).Replace("'", "''", StringComparison.Ordinal);
        return api.ExecuteAsync(
            $"INSERT INTO applicants.outbox_messages (id, type, content, occurred_on) VALUES ('{Guid.CreateVersion7()}', '{MessageSerializer.TypeName(e.GetType())}', '{content}'::jsonb, now())");
    }
}
