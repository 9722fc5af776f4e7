// The parts of the load benchmark that wrk cannot express (bench/run.sh calls it):
//
//   LoadBench login                                   prints a bearer token (BENCH_EMAIL, BENCH_PASSWORD)
//   LoadBench seed <count> <parallel>                 registers <count> partners through the API
//   LoadBench events <label> <samples> <maxSeconds> <pollMs> <rawFile>
//                                                     event latency: POST's 201 -> counted by Reporting
//   LoadBench drain <timeoutSeconds>                  waits until Reporting has counted every partner
//
// The host is BENCH_BASE_URL (default http://127.0.0.1:5090); every command but login needs BENCH_TOKEN.
// Results are printed as one "RESULT key=value ..." line, which bench/run.sh collects.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoadBench;

internal static class Program
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<int> Main(string[] args)
    {
        var baseUrl = Environment.GetEnvironmentVariable("BENCH_BASE_URL") ?? "http://127.0.0.1:5090";
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        try
        {
            switch (args.FirstOrDefault())
            {
                case "login":
                    return await LoginAsync(http);
                case "seed" when args.Length == 3:
                    Authorise(http);
                    return await SeedAsync(http, Int(args[1]), Int(args[2]));
                case "events" when args.Length == 6:
                    Authorise(http);
                    return await EventsAsync(http, args[1], Int(args[2]), Int(args[3]), Int(args[4]), args[5]);
                case "drain" when args.Length == 2:
                    Authorise(http);
                    return await DrainAsync(http, Int(args[1]));
                default:
                    await Console.Error.WriteLineAsync("usage: LoadBench login | seed <count> <parallel> | events <label> <samples> <maxSeconds> <pollMs> <rawFile> | drain <timeoutSeconds>");
                    return 2;
            }
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"LoadBench: {ex.Message}");
            return 1;
        }
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Authorise(HttpClient http)
    {
        var token = Environment.GetEnvironmentVariable("BENCH_TOKEN");
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("BENCH_TOKEN is not set");
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task<int> LoginAsync(HttpClient http)
    {
        var body = new
        {
            email = Environment.GetEnvironmentVariable("BENCH_EMAIL"),
            password = Environment.GetEnvironmentVariable("BENCH_PASSWORD"),
        };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/login", body, Json);
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"login answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return 1;
        }

        var token = await response.Content.ReadFromJsonAsync<TokenDto>(Json);
        Console.WriteLine(token!.AccessToken);
        return 0;
    }

    // ------------------------------------------------------------------ seeding

    private static readonly string[] Kinds = ["Association", "Association", "Association", "Cooperative", "Cooperative", "LocalAuthority", "PublicAgency", "MicrocreditInstitution", "PrivateCompany", "Bank"];

    private static readonly string[] Prefixes = ["Association", "Association des femmes de", "Coopérative agricole", "Coopérative artisanale", "Commune de", "Délégation provinciale", "Fondation", "Amicale", "Société", "Association pour le développement de"];

    private static readonly string[] Places = ["Taounate", "Nador", "Dakhla", "Tissa", "Ghafsai", "Karia", "Zagora", "Errachidia", "Azilal", "Chefchaouen", "Taza", "Guercif", "Figuig", "Tinghir", "Ouarzazate", "Essaouira", "Safi", "Larache", "Al Hoceïma", "Driouch"];

    private static readonly string[] Provinces = ["03.531", "05.381", "07.511", "01.141", "04.091", "06.161", "08.301", "02.191", "11.311", "12.421"];

    private static async Task<int> SeedAsync(HttpClient http, int count, int parallel)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var next = -1;
        var errors = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, parallel).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var body = new
                {
                    name = $"{Prefixes[i % Prefixes.Length]} {Places[(i / Prefixes.Length) % Places.Length]} {run}-{i:D5}",
                    type = Kinds[i % Kinds.Length],
                    provinceCode = i % 7 == 0 ? null : Provinces[(i / 3) % Provinces.Length],
                    contactEmail = i % 2 == 0 ? $"contact{i}@example.org" : null,
                };
                using var response = await http.PostAsJsonAsync("/api/v1/partners", body, Json);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var total = await PartnerCountAsync(http);
        Console.WriteLine($"RESULT seed count={count} parallel={parallel} errors={errors} seconds={F(seconds)} rps={F(count / seconds)} partners_total={total}"
            + (statuses.IsEmpty ? string.Empty : " statuses=" + string.Join(',', statuses.Select(s => $"{s.Key}:{s.Value}"))));
        return errors == 0 ? 0 : 1;
    }

    // ------------------------------------------------------------------ event latency

    private static async Task<int> EventsAsync(HttpClient http, string label, int samples, int maxSeconds, int pollMs, string rawFile)
    {
        var latencies = new List<double>(samples);
        var posts = new List<double>(samples);
        var timeouts = 0;
        var errors = 0;
        var poll = TimeSpan.FromMilliseconds(pollMs);
        var deadline = Stopwatch.StartNew();
        var start = Random.Shared.Next(10_000);
        var run = Guid.NewGuid().ToString("N")[..6];

        await using var raw = new StreamWriter(rawFile);
        await raw.WriteLineAsync("sample\tprovince\tpost_ms\tevent_ms\tpolls");
        for (var i = 0; i < samples && deadline.Elapsed.TotalSeconds < maxSeconds; i++)
        {
            // 90.000-99.999: a province no other traffic uses; the count before the POST makes a
            // code reused by an earlier run harmless.
            var n = (start + i) % 10_000;
            var province = $"9{n / 1000}.{n % 1000:D3}";
            var before = await ReportTotalAsync(http, province);

            var body = new { name = $"Association Evenement {label} {run}-{i:D4}", type = "Association", provinceCode = province };
            var postClock = Stopwatch.StartNew();
            using (var response = await http.PostAsJsonAsync("/api/v1/partners", body, Json))
            {
                await response.Content.LoadIntoBufferAsync();
                posts.Add(postClock.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    errors++;
                    continue;
                }
            }

            var clock = Stopwatch.StartNew();
            var polls = 0;
            var seen = false;
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                polls++;
                if (await ReportTotalAsync(http, province) > before)
                {
                    seen = true;
                    break;
                }

                await Task.Delay(poll);
            }

            var elapsed = clock.Elapsed.TotalMilliseconds;
            await raw.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{i}\t{province}\t{posts[^1]:0.000}\t{(seen ? elapsed.ToString("0.000", CultureInfo.InvariantCulture) : "timeout")}\t{polls}"));
            if (seen)
            {
                latencies.Add(elapsed);
            }
            else
            {
                timeouts++;
            }
        }

        latencies.Sort();
        posts.Sort();
        Console.WriteLine(
            $"RESULT events label={label} samples={latencies.Count} timeouts={timeouts} errors={errors} poll_ms={pollMs} "
            + $"p50_ms={F(Percentile(latencies, 50))} p95_ms={F(Percentile(latencies, 95))} p99_ms={F(Percentile(latencies, 99))} "
            + $"max_ms={F(latencies.Count == 0 ? double.NaN : latencies[^1])} mean_ms={F(latencies.Count == 0 ? double.NaN : latencies.Average())} "
            + $"post_p50_ms={F(Percentile(posts, 50))} post_p99_ms={F(Percentile(posts, 99))} seconds={F(deadline.Elapsed.TotalSeconds)}");
        return errors + timeouts == 0 ? 0 : 1;
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    // ------------------------------------------------------------------ backlog

    private static async Task<int> DrainAsync(HttpClient http, int timeoutSeconds)
    {
        var clock = Stopwatch.StartNew();
        int partners, counted;
        var first = -1;
        do
        {
            partners = await PartnerCountAsync(http);
            counted = await ReportTotalAsync(http, null);
            if (first < 0)
            {
                first = partners - counted;
            }

            if (counted >= partners)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (clock.Elapsed.TotalSeconds < timeoutSeconds);

        var drained = counted >= partners;
        Console.WriteLine($"RESULT drain backlog_at_start={first} drained={drained.ToString().ToLowerInvariant()} seconds={F(clock.Elapsed.TotalSeconds)} partners={partners} counted={counted}");
        return drained ? 0 : 1;
    }

    private static async Task<int> PartnerCountAsync(HttpClient http)
    {
        var page = await http.GetFromJsonAsync<PageDto>("/api/v1/partners?pageSize=1", Json);
        return page!.TotalCount;
    }

    private static async Task<int> ReportTotalAsync(HttpClient http, string? province)
    {
        var url = province is null ? "/api/v1/reports/partners" : $"/api/v1/reports/partners?provinceCode={province}";
        var report = await http.GetFromJsonAsync<ReportDto>(url, Json);
        return report!.Total;
    }

    private sealed record TokenDto(string AccessToken);

    private sealed record PageDto(int TotalCount);

    private sealed record ReportDto(int Total);
}
