using System.Security.Claims;
using System.Security.Cryptography;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Persistence;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.Infrastructure.Idempotency;

/// <summary>Endpoint metadata: the endpoint honours an <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentAttribute : Attribute;

/// <summary>
/// For endpoints marked <see cref="IdempotentAttribute"/> and requests carrying an
/// <c>Idempotency-Key</c>: the same key with the same request answers the first answer again and
/// changes nothing; the same key with another request is refused (422); a repeat that arrives
/// while the first is still running is refused (409) and may be retried.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly LocalizedText InvalidKey = new(
        "An Idempotency-Key is 1 to 255 visible ASCII characters.",
        "Une Idempotency-Key compte de 1 à 255 caractères ASCII visibles.",
        "مفتاح Idempotency-Key يتكون من 1 إلى 255 حرفا مرئيا من ASCII.");

    private static readonly LocalizedText ReusedKey = new(
        "This Idempotency-Key was already used for a different request.",
        "Cette Idempotency-Key a déjà servi pour une autre requête.",
        "سبق استعمال مفتاح Idempotency-Key هذا لطلب مختلف.");

    private static readonly LocalizedText AnswerLost = new(
        "A request with this Idempotency-Key was carried out, but its answer was not kept; read the resource instead.",
        "Une requête portant cette Idempotency-Key a été exécutée, mais sa réponse n'a pas été conservée ; consultez plutôt la ressource.",
        "تم تنفيذ طلب بمفتاح Idempotency-Key هذا لكن جوابه لم يحفظ؛ اطلع على المورد بدلا من ذلك.");

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        var caller = Caller(context.User);
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null || string.IsNullOrEmpty(key) || caller is null)
        {
            // Nothing resolved for a request without a key: the platform context is a pooled
            // lease, and most requests carry no key (issue 13).
            await next(context);
            return;
        }

        var platform = context.RequestServices.GetRequiredService<PlatformDbContext>();
        var scope = context.RequestServices.GetRequiredService<IdempotencyScope>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();

        if (key.Length > 255 || key.Any(c => c is < '!' or > '~'))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(Header, InvalidKey.ToString())]);
        }

        var fingerprint = await FingerprintAsync(context.Request);
        var existing = await platform.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key, context.RequestAborted);
        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, fingerprint);
            return;
        }

        scope.Begin(caller, key, fingerprint);
        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (scope.Recorded && context.Response.StatusCode is >= 200 and < 300)
        {
            var body = captured.ToArray();
            await platform.IdempotencyRecords
                .Where(r => r.Caller == caller && r.Key == key)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(r => r.StatusCode, context.Response.StatusCode)
                        .SetProperty(r => r.ContentType, context.Response.ContentType)
                        .SetProperty(r => r.Location, context.Response.Headers.Location.ToString())
                        .SetProperty(r => r.Body, body)
                        .SetProperty(r => r.CompletedOn, clock.GetUtcNow()),
                    CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (existing.Fingerprint != fingerprint)
        {
            throw new BusinessRuleException("idempotency.key-reused", ReusedKey);
        }

        if (existing.StatusCode is not { } status)
        {
            // Committed, but the answer was not stored (the process stopped in between) — or the
            // first request is still running: either way the client must not run it again.
            throw new Application.Exceptions.ConflictException("idempotency.answer-not-kept", AnswerLost);
        }

        context.Response.StatusCode = status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (!string.IsNullOrEmpty(existing.Location))
        {
            context.Response.Headers.Location = existing.Location;
        }

        if (existing.ContentType is not null)
        {
            context.Response.ContentType = existing.ContentType;
        }

        if (existing.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? Caller(ClaimsPrincipal user) =>
        user.FindFirstValue(AuthNames.PartnerClaim) is { } partner ? $"partner:{partner}"
        : user.FindFirstValue(AuthNames.SubjectClaim) is { } subject ? $"staff:{subject}"
        : null;
}

public static class IdempotencyRegistration
{
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddSchemaDbContext<PlatformDbContext>(PlatformDbContext.Schema);
        services.AddScoped<IdempotencyScope>();
        return services;
    }

    /// <summary>Runs after authentication: the key is scoped to its caller.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();

    /// <summary>Marks an endpoint as honouring the <c>Idempotency-Key</c> header.</summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new IdempotentAttribute());
        builder.Add(endpoint => endpoint.Metadata.Add(new IdempotencyHeaderDocumentation()));
        return builder;
    }
}

/// <summary>Tells the OpenAPI document that the operation takes an optional <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotencyHeaderDocumentation;
