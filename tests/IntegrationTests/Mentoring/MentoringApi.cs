using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Infrastructure.Messaging;
using Financing.Contracts;
using Financing.Infrastructure.Persistence;
using IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Mentoring;

/// <summary>What the mentoring tests do again and again: register mentors, have Financing approve projects, assign them.</summary>
internal static class MentoringApi
{
    public static object Mentor(
        string? name = null, string language = "fr", string[]? sectors = null, string[]? provinces = null, int capacity = 5,
        bool active = true, Guid? organisationId = null, Guid? staffUserId = null, string? email = null) => new
        {
            name = name ?? Data.UniqueName("Mentor"),
            email = email ?? $"mentor.{Guid.NewGuid():N}@example.ma",
            phone = "+212 661 23 45 67",
            language,
            organisationId,
            sectors = sectors ?? ["Crafts"],
            provinces = provinces ?? ["02.381"],
            capacity,
            active,
            staffUserId,
        };

    public static async Task<Guid> RegisterMentorAsync(HttpClient client, object mentor)
    {
        var response = await client.PostAsJsonAsync("/api/v1/mentors", mentor);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static ApplicationApprovedIntegrationEvent Approval(
        string sector = "Crafts", string province = "02.381", string commune = "02.381.01.01", FollowUpPolicy? policy = null,
        string? coordinator = "coordination.nador@example.ma", DateTimeOffset? on = null) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Person", Guid.CreateVersion7(),
            sector, commune, province, 60000m, 50000m, 10000m, policy ?? new FollowUpPolicy(6, 24), coordinator, on ?? DateTimeOffset.UtcNow);

    /// <summary>
    /// Financing's approval, published as Financing would: written to its outbox by its own unit of
    /// work in a transaction, then relayed to Mentoring's inbox by the dispatcher.
    /// </summary>
    public static async Task PublishAsync(ApiFactory api, ApplicationApprovedIntegrationEvent approval)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancingDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        scope.ServiceProvider.GetRequiredService<IIntegrationEventPublisher>().Publish(approval);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await unitOfWork.FlushAsync(db, CancellationToken.None);
        await transaction.CommitAsync();
        unitOfWork.Committed();
    }

    /// <summary>Publishes an approval and waits until the project waits for a mentor.</summary>
    public static async Task<Guid> ApprovedProjectAsync(ApiFactory api, ApplicationApprovedIntegrationEvent? approval = null)
    {
        approval ??= Approval();
        await PublishAsync(api, approval);
        await Eventually.Until(
            () => api.ScalarAsync<long>($"SELECT count(*) FROM mentoring.projects WHERE id = '{approval.ApplicationId}'"),
            n => n == 1);
        return approval.ApplicationId;
    }

    public static async Task<JsonElement> AssignAsync(HttpClient client, Guid project, Guid mentor, bool overrideCapacity = false)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/mentoring/projects/{project}/assign", new { mentorId = mentor, overrideCapacity });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> VisitsAsync(HttpClient client, Guid project) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/mentoring/projects/{project}/visits")).EnumerateArray()];
}
