using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Partnerships.Application.Webhooks;

namespace Partnerships.Infrastructure.Webhooks;

/// <summary>What one pass of the sender did.</summary>
public sealed record WebhookPass(int Delivered, int Retrying, int Failed);

/// <summary>
/// Posts the partners' pending webhook deliveries:
/// <list type="bullet">
/// <item>Only the head of each project's queue is taken: a delivery waits while an earlier one of the
/// same partner and project (lower sequence) is not delivered, so a receiver sees a project's
/// changes in order, whatever failed in between.</item>
/// <item>A claim (<c>Pending → Sending</c>) is committed before the post; <c>SKIP LOCKED</c> keeps two
/// hosts apart. A 2xx answer → <c>Delivered</c>. Anything else → back to <c>Pending</c> after a
/// doubling delay (30 s, 1 min, 2 min …), or <c>Failed</c> after the last attempt: a receiver down
/// for an hour still gets everything, in order. Every attempt is logged.</item>
/// <item>A claim older than the sending timeout belonged to a process that died: it is tried again
/// (the receiver deduplicates by the delivery's id; at least once outranks never lost).</item>
/// </list>
/// </summary>
internal sealed partial class WebhookSender(
    NpgsqlDataSource dataSource,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "partnerships-webhooks";
    public const string SignatureHeader = "X-Webhook-Signature";
    public const string IdHeader = "X-Webhook-Id";
    public const string EventHeader = "X-Webhook-Event";

    private const int BatchSize = 50;

    /// <summary>The value of <see cref="SignatureHeader"/>: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    public async Task<WebhookPass> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await ExecuteAsync(
            "UPDATE partnerships.webhook_deliveries SET status = 'Pending', next_attempt_on = $1 WHERE status = 'Sending' AND claimed_on < $1 - $2::interval",
            cancellationToken,
            clock.GetUtcNow(),
            settings.SendingTimeout);
        int delivered = 0, retrying = 0, failed = 0;
        while (true)
        {
            var batch = await ClaimAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            // One per project at most: the heads of different projects go out side by side.
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (claim, ct) =>
            {
                switch (await PostAsync(claim, settings, ct))
                {
                    case "Delivered": Interlocked.Increment(ref delivered); break;
                    case "Pending": Interlocked.Increment(ref retrying); break;
                    default: Interlocked.Increment(ref failed); break;
                }
            });
        }

        if (delivered + retrying + failed > 0)
        {
            LogPass(logger, delivered, retrying, failed);
        }

        return new WebhookPass(delivered, retrying, failed);
    }

    private sealed record Claim(Guid Id, string EventType, string Payload, int Attempts, string Url, string Secret, int LastNumber);

    private async Task<List<Claim>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE partnerships.webhook_deliveries d SET status = 'Sending', attempts = d.attempts + 1, claimed_on = $1
            FROM partnerships.webhook_endpoints e
            WHERE e.partner_id = d.partner_id AND d.id IN (
                SELECT p.id FROM partnerships.webhook_deliveries p
                WHERE p.status = 'Pending' AND p.next_attempt_on <= $1
                  AND NOT EXISTS (
                      SELECT 1 FROM partnerships.webhook_deliveries q
                      WHERE q.partner_id = p.partner_id AND q.application_id = p.application_id
                        AND q.sequence < p.sequence AND q.status <> 'Delivered')
                ORDER BY p.next_attempt_on
                LIMIT $2
                FOR UPDATE OF p SKIP LOCKED)
            RETURNING d.id, d.event_type, d.payload, d.attempts, e.url, e.secret,
                (SELECT coalesce(max(a.number), 0) FROM partnerships.webhook_attempts a WHERE a.delivery_id = d.id)
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
        var claims = new List<Claim>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add(new Claim(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }

        return claims;
    }

    private async Task<string> PostAsync(Claim claim, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var attemptedOn = clock.GetUtcNow();
        int? statusCode = null;
        string? error = null;
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, claim.Url);
            var body = Encoding.UTF8.GetBytes(claim.Payload);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(IdHeader, claim.Id.ToString());
            request.Headers.Add(EventHeader, claim.EventType);
            request.Headers.Add(SignatureHeader, Sign(claim.Secret, attemptedOn.ToUnixTimeSeconds(), claim.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"HTTP {statusCode}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = e is OperationCanceledException ? "timeout" : $"connection: {(e as HttpRequestException)?.HttpRequestError}";
        }

        watch.Stop();
        var now = clock.GetUtcNow();
        var status = error is null ? "Delivered" : claim.Attempts >= settings.MaxAttempts ? "Failed" : "Pending";
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(claim.Attempts - 1, 20));
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            """
            UPDATE partnerships.webhook_deliveries SET status = $2, claimed_on = NULL,
                delivered_on = CASE WHEN $2 = 'Delivered' THEN $3 ELSE delivered_on END,
                next_attempt_on = CASE WHEN $2 = 'Pending' THEN $4 ELSE next_attempt_on END
            WHERE id = $1 AND status = 'Sending'
            """,
            claim.Id,
            status,
            now,
            now + delay));
        batch.BatchCommands.Add(Command(
            "INSERT INTO partnerships.webhook_attempts (delivery_id, number, attempted_on, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)",
            claim.Id,
            claim.LastNumber + 1,
            attemptedOn,
            (object?)statusCode ?? DBNull.Value,
            (object?)error ?? DBNull.Value,
            (int)Math.Min(watch.ElapsedMilliseconds, int.MaxValue)));
        await batch.ExecuteNonQueryAsync(CancellationToken.None);
        if (error is not null)
        {
            LogFailure(logger, claim.Id, claim.Attempts, status, error);
        }

        return status;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Delivered} delivered, {Retrying} to retry, {Failed} failed")]
    private static partial void LogPass(ILogger logger, int delivered, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} failed at attempt {Attempt}, now {Status}: {Error}")]
    private static partial void LogFailure(ILogger logger, Guid deliveryId, int attempt, string status, string error);
}
