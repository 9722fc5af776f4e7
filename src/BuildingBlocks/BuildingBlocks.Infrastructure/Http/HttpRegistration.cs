using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Http;

public static class HttpRegistration
{
    public static readonly CultureInfo[] Cultures = [new("fr"), new("ar"), new("en")];

    /// <summary>JSON, problem documents, languages, rate limits and the API document: the conventions every endpoint shares.</summary>
    public static IServiceCollection AddApiConventions(this IServiceCollection services, IConfiguration configuration)
    {
        var http = configuration.GetSection(HttpLimitsOptions.Section).Get<HttpLimitsOptions>() ?? new HttpLimitsOptions();
        services.Configure<HttpLimitsOptions>(configuration.GetSection(HttpLimitsOptions.Section));
        services.AddReverseProxySupport(configuration);

        services.ConfigureHttpJsonOptions(options =>
        {
            // Enums travel by name only: a number would silently pick whatever value has that position.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new MoroccanDateTimeOffsetConverter());
            options.SerializerOptions.Converters.Add(new MoneyJsonConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Bad query strings and bodies reach the exception handler, in every environment, so that
        // they are answered with the same localized problem document.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Status = status;
            context.ProblemDetails.Title = ProblemTexts.Title(status);
            context.ProblemDetails.Type ??= $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("fr");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
            {
                // The limiter knows when its window reopens; a minute is the longest any policy here waits.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext });
            };
            // One budget per caller: the staff account, the partner's key, or the address of an anonymous
            // caller — the real client's address behind a trusted proxy (forwarded headers run first).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(CallerPartition(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            options.AddPolicy(RateLimits.Login, context =>
                RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        // Error messages name the field as the caller sent it ("provinceCode"), in every language.
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);

        services.AddApiDocument();
        return services;
    }

    /// <summary>
    /// The client's real address and scheme from a trusted TLS-terminating proxy, HSTS over HTTPS,
    /// and no <c>Server</c> header: Kestrel would otherwise name itself on every answer.
    /// </summary>
    private static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReverseProxyOptions>(configuration.GetSection(ReverseProxyOptions.Section));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((options, proxy) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = proxy.Value.ForwardLimit;
            // Only the configured proxies are believed; the framework's default trusts loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Proxies())
            {
                options.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.Networks())
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(options => options.MaxAge = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>()?.HstsMaxAge ?? TimeSpan.FromDays(365));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        return services;
    }

    /// <summary>The middleware order that makes the conventions hold.</summary>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: every later middleware (rate limits, logs, HSTS) sees the real client and scheme.
        // With no proxy configured the middleware stays out, because with empty lists it would believe anyone.
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHsts();
        // Language first: the exception handler and status-code pages answer in the caller's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizeBodies);
        // After the size limit, so that screening never reads more than the limit allows.
        app.UseMiddleware<StorableTextMiddleware>();
        app.UseMiddleware<EnumQueryValuesMiddleware>();
        return app;
    }

    private static async Task RejectOversizeBodies(HttpContext context, RequestDelegate next)
    {
        // An endpoint that takes files (imports) declares its own, larger limit.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.RequestServices.GetRequiredService<IOptions<HttpLimitsOptions>>().Value.MaxRequestBodyBytes;
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await next(context);
    }

    private static string CallerPartition(HttpContext context)
    {
        var user = context.User;
        return user.FindFirstValue(AuthNames.ApiKeyClaim) is { } key ? $"key:{key}"
            : user.FindFirstValue(AuthNames.SubjectClaim) is { } subject ? $"user:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";
    }
}
