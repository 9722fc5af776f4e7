using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Security;
using FluentAssertions.Execution;
using IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerships.Application.Abstractions;
using Partnerships.Infrastructure.Persistence;

namespace IntegrationTests.Persistence;

/// <summary>A host with a service that lets a test act at one instant of a scope's disposal.</summary>
public sealed class AbandonedRequestApi : ApiFactory
{
    public AbandonedRequestApi() => WithServices(services => services.AddScoped<Preemption>());
}

/// <summary>
/// Stands for the instant at which the thread disposing a scope is pre-empted: a scope disposes
/// what it created in reverse order, so whatever <see cref="Then"/> does happens after the
/// services resolved after this one were disposed, and before those resolved before it.
/// </summary>
public sealed class Preemption : IAsyncDisposable
{
    public Func<Task>? Then { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Then is { } then)
        {
            await then();
        }
    }
}

/// <summary>
/// Issue 13's leftover: under load, a request's context was given back to EF's pool by a scope
/// that no longer held it, while another request was using it — a pooled context leased to two
/// callers at once, the second reading with the first's provinces.
/// </summary>
public sealed class AbandonedRequestTests(AbandonedRequestApi api) : IClassFixture<AbandonedRequestApi>
{
    private const string Taounate = "03.531";
    private const string Nador = "02.381";

    [Fact]
    public async Task A_scope_gives_its_context_back_to_the_pool_once_so_no_later_caller_reads_with_another_callers_provinces()
    {
        var admin = await api.AdminClientAsync();
        await RegisterAsync(admin, Taounate);
        await RegisterAsync(admin, Nador);
        var others = new List<(AsyncServiceScope Scope, PartnershipsDbContext Context)>();
        try
        {
            await using (var first = ScopeOfOfficer(Taounate))
            {
                var context = first.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
                first.ServiceProvider.GetRequiredService<Preemption>().Then = () =>
                {
                    // Meanwhile other requests (a Nador officer's) rent contexts, until one gets the
                    // first scope's or the pool has surely none left to give (the other test leaves
                    // a few dozen behind).
                    for (var i = 0; i < 128 && !others.Any(o => ReferenceEquals(o.Context, context)); i++)
                    {
                        var other = ScopeOfOfficer(Nador);
                        others.Add((other, other.ServiceProvider.GetRequiredService<PartnershipsDbContext>()));
                    }

                    return Task.CompletedTask;
                };

                // The way every handler takes it: through the module's interface.
                var db = first.ServiceProvider.GetRequiredService<IPartnershipsDbContext>();
                (await db.Partners.AnyAsync(p => p.ProvinceCode == Taounate)).Should().BeTrue();
            }

            // The first scope is gone; the others still hold their contexts. A new Taounate officer's
            // request must get a context nobody holds, and each holder must read as itself.
            await using var next = ScopeOfOfficer(Taounate);
            var nextContext = next.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
            var seenByOthers = new List<string?>();
            foreach (var (_, held) in others)
            {
                seenByOthers.AddRange(await held.Partners.Select(p => p.ProvinceCode).Distinct().ToListAsync());
            }

            using (new AssertionScope())
            {
                others.Select(o => o.Context).Should().NotContain(nextContext, "a context held by a live scope was handed to another");
                seenByOthers.Should().NotContain(Taounate, "a Nador officer read with another caller's provinces");
            }
        }
        finally
        {
            foreach (var (scope, _) in others)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Requests_abandoned_mid_flight_answer_no_500_log_no_error_and_leave_nothing_half_written()
    {
        var admin = await api.AdminClientAsync();
        var officer = await api.ClientForAsync(await api.CreateStaffAsync(StaffRoles.Officer, Taounate));
        var prefix = Data.UniqueName("Abandon");
        var logsBefore = api.Logs.Lines.Count;
        var answers = new ConcurrentQueue<HttpStatusCode>();
        var leaks = new ConcurrentQueue<string>();
        var abandoned = 0;
        var run = Stopwatch.StartNew();

        // 32 callers, as wrk's connections: half an admin registering Nador partners (and probing
        // readiness), half a Taounate officer registering his own and listing; each request is
        // abandoned at a random instant.
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async worker =>
        {
            var asOfficer = worker % 2 == 1;
            var client = asOfficer ? officer : admin;
            for (var i = 0; run.Elapsed < TimeSpan.FromSeconds(4); i++)
            {
                using var abandon = new CancellationTokenSource(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 60)));
                try
                {
                    if (!asOfficer && i % 4 == 3)
                    {
                        // A load balancer's probe that gives up is a request abandoned too.
                        answers.Enqueue((await client.GetAsync("/health/ready", abandon.Token)).StatusCode);
                        continue;
                    }

                    if (asOfficer && i % 3 == 2)
                    {
                        var list = await client.GetAsync("/api/v1/partners?pageSize=100&sort=-registeredOn", abandon.Token);
                        answers.Enqueue(list.StatusCode);
                        if (list.IsSuccessStatusCode)
                        {
                            var page = await list.Content.ReadFromJsonAsync<JsonElement>(abandon.Token);
                            foreach (var item in page.GetProperty("items").EnumerateArray())
                            {
                                if (item.GetProperty("provinceCode").GetString() is { } province && province != Taounate)
                                {
                                    leaks.Enqueue(province);
                                }
                            }
                        }

                        continue;
                    }

                    var response = await client.PostAsJsonAsync(
                        "/api/v1/partners", Data.Partner($"{prefix} {worker}-{i}", province: asOfficer ? Taounate : Nador), abandon.Token);
                    answers.Enqueue(response.StatusCode);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref abandoned);
                }
            }
        }));

        var errors = api.Logs.Lines.Skip(logsBefore)
            .Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal))
            .ToList();
        var registered = await api.ScalarAsync<long>($"SELECT count(*) FROM partnerships.partners WHERE name LIKE '{prefix}%'");
        var announced = await api.ScalarAsync<long>(
            $"""
             SELECT count(*) FROM partnerships.outbox_messages o JOIN partnerships.partners p ON o.content->>'partnerId' = p.id::text
             WHERE o.type = 'partnerships.partner-registered.v1' AND p.name LIKE '{prefix}%'
             """);
        using (new AssertionScope())
        {
            abandoned.Should().BeGreaterThan(50, "the run must abandon requests mid-flight to test anything");
            answers.Should().NotContain(s => (int)s >= 500);
            errors.Should().BeEmpty();
            leaks.Should().BeEmpty("an officer's list must hold only his province's partners and national ones");
            announced.Should().Be(registered, "a partner is registered together with its event, or not at all");
        }

        // Afterwards every pooled context still works, for the right caller.
        var own = await RegisterAsync(officer, Taounate);
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/partners?pageSize=100&sort=-registeredOn");
        mine.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("provinceCode").GetString())
            .Should().OnlyContain(p => p == null || p == Taounate);
        (await officer.GetAsync($"/api/v1/partners/{own}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, string province)
    {
        var response = await client.PostAsJsonAsync("/api/v1/partners", Data.Partner(province: province));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private AsyncServiceScope ScopeOfOfficer(string province)
    {
        var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IActingCaller>().ActAs(Guid.NewGuid(), [Roles.Officer], [province]);
        return scope;
    }
}
