using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Financing;

namespace IntegrationTests.Applicants;

/// <summary>Persons, open programmes and applications for the Applicants tests.</summary>
internal static class ApplicationData
{
    private static int _cin = Random.Shared.Next(100_000, 900_000);

    public static string UniqueCin(string letters = "AP") => $"{letters}{Interlocked.Increment(ref _cin)}";

    public static Dictionary<string, object?> Person(string commune = "03.531.01.01", string birthDate = "1994-05-12", string sex = "Female") => new()
    {
        ["cin"] = UniqueCin(),
        // Names unique per person: the tests are not about duplicates.
        ["firstName"] = $"Khadija{Guid.NewGuid():N}"[..20],
        ["lastName"] = "Benkirane",
        ["sex"] = sex,
        ["birthDate"] = birthDate,
        ["phone"] = "06 70 11 22 33",
        ["communeCode"] = commune,
        ["educationLevel"] = "Primary",
        ["householdSize"] = 6,
        ["disability"] = "None",
        ["categories"] = new[] { "RuralYouth" },
        ["employmentStatus"] = "Unemployed",
        ["consentedOn"] = "2026-11-20",
    };

    public static async Task<Guid> PersonAsync(HttpClient client, Dictionary<string, object?>? person = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/applicants", person ?? Person());
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Taounate's INDH programme (province 03.531, ages 18–45, rural youth and women), defined and opened.</summary>
    public static async Task<Guid> OpenProgrammeAsync(HttpClient admin, Action<Dictionary<string, object?>>? change = null)
    {
        var funder = await ProgrammeData.FunderAsync(admin);
        var request = ProgrammeData.Taounate(ProgrammeData.UniqueCode("APP"), (funder, 5_000_000.00m));
        change?.Invoke(request);
        var id = (await ProgrammeData.DefineAsync(admin, request)).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/programmes/{id}/open", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    public static Dictionary<string, object?> Application(Guid programmeId, Guid holderId, string commune = "03.531.01.01", string holderKind = "Person") => new()
    {
        ["programmeId"] = programmeId,
        ["holderKind"] = holderKind,
        ["holderId"] = holderId,
        ["title"] = "Élevage de chèvres laitières",
        ["sector"] = "Livestock",
        ["communeCode"] = commune,
        ["description"] = "Achat de vingt chèvres de race Alpine et aménagement d'une chèvrerie.",
        ["estimatedTotalCost"] = 85_000.00m,
        ["requestedAmount"] = 59_500.00m,
        ["ownContribution"] = 25_500.00m,
        ["expectedJobs"] = 2,
        ["channel"] = "WalkIn",
    };

    public static async Task<JsonElement> SubmitAsync(HttpClient client, Dictionary<string, object?> application)
    {
        var response = await client.PostAsJsonAsync("/api/v1/applications", application);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
