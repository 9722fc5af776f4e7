using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Infrastructure;

namespace IntegrationTests.Financing;

/// <summary>Programmes and funders for the Financing tests, each with a unique code.</summary>
internal static class ProgrammeData
{
    public static string UniqueCode(string prefix = "TEST") => $"{prefix}-{Guid.NewGuid():N}"[..30].ToUpperInvariant();

    public static async Task<Guid> FunderAsync(HttpClient admin, string type = "PublicAgency", string? name = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/partners", Data.Partner(name ?? Data.UniqueName("INDH"), type));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Taounate's INDH AGR programme as the article tells it, with the given funders and envelopes.</summary>
    public static Dictionary<string, object?> Taounate(string code, params (Guid PartnerId, decimal Envelope)[] funders) => new()
    {
        ["code"] = code,
        ["nameFr"] = "Programme AGR de l'INDH – Taounate",
        ["nameAr"] = "برنامج الأنشطة المدرة للدخل – تاونات",
        ["description"] = "Activités génératrices de revenus, 30 % d'apport des bénéficiaires.",
        ["startsOn"] = "2024-01-01",
        ["endsOn"] = "2026-12-31",
        ["provinceCodes"] = new[] { "03.531" },
        ["targetCategories"] = new[] { "WomanInDifficultSituation", "RuralYouth" },
        ["allowsIndividuals"] = true,
        ["allowsGroups"] = true,
        ["minimumAge"] = 18,
        ["maximumAge"] = 45,
        ["maximumProjectCost"] = 300000.00m,
        ["maximumGrant"] = 200000.00m,
        ["instruments"] = new[] { "Grant", "HonourLoan" },
        ["tranches"] = new object[] { new { share = 0.60m, requiresPositiveVisit = false }, new { share = 0.40m, requiresPositiveVisit = true } },
        ["followUpMonthlyVisitsForMonths"] = 6,
        ["followUpQuarterlyVisitsUntilMonth"] = 24,
        ["coordinatorEmail"] = "coordination@indh-taounate.ma",
        ["funders"] = funders.Select(f => new { partnerId = f.PartnerId, envelope = f.Envelope }).ToArray(),
    };

    public static async Task<JsonElement> DefineAsync(HttpClient client, Dictionary<string, object?> programme)
    {
        var response = await client.PostAsJsonAsync("/api/v1/programmes", programme);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
