using BuildingBlocks.Infrastructure.Http.OpenApi;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>
/// Makes the generated document a usable contract: the two security schemes, each operation's
/// security requirement taken from its authorization metadata, and the 401/403 answers every
/// protected operation can give; every schema and parameter described from the XML comments and
/// bounded by the validators, required meaning non-null, and examples taken from the types
/// (see <c>OpenApi/</c>). <c>OpenApiTests</c> fails on whatever is left undescribed.
/// </summary>
public static class OpenApiConventions
{
    /// <summary>Describes a tag (a group of operations) in the API document; each module describes its own.</summary>
    public static IServiceCollection DescribeApiTag(this IServiceCollection services, string tag, string description) =>
        services.Configure<ApiTagDescriptions>(tags => tags.Descriptions[tag] = description);

    /// <summary>
    /// The endpoint's query and route parameters are the members of <typeparamref name="T"/> (a query
    /// or command): the document describes each from the member's XML comment and bounds it by the
    /// member's validation rules.
    /// </summary>
    public static RouteHandlerBuilder WithParametersFrom<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ParametersFrom(typeof(T)));

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                var descriptions = context.ApplicationServices.GetRequiredService<IOptions<ApiTagDescriptions>>().Value.Descriptions;
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    if (tag.Name is not null && descriptions.TryGetValue(tag.Name, out var description))
                    {
                        tag.Description = description;
                    }
                }

                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                document.Info = new OpenApiInfo
                {
                    Title = "Self-employment and income-generating activities programmes API",
                    Version = "v1",
                    Description = "Registration of project holders, financing, mentoring, partnership conventions and reporting "
                        + "for Moroccan self-employment and AGR programmes. Staff authenticate with a bearer token from "
                        + "`POST /api/v1/auth/login`; partner systems with an `X-Api-Key` header. Errors are RFC 9457 problem "
                        + "documents in the language of `Accept-Language` (ar, fr, en; French by default).",
                    License = new OpenApiLicense { Name = "Proprietary: the agency's", Identifier = "LicenseRef-Agency" },
                    Contact = new OpenApiContact { Name = "Programme information systems team" },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[AuthNames.BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Staff access token from POST /api/v1/auth/login.",
                };
                document.Components.SecuritySchemes[AuthNames.ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = AuthNames.ApiKeyHeader,
                    Description = "A partner system's API key, issued once by an administrator.",
                };
                return Task.CompletedTask;
            });

            // Money travels as a number with two decimals (see MoneyJsonConverter), not as an object.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(BuildingBlocks.Domain.Money))
                {
                    schema.Type = JsonSchemaType.Number;
                    schema.Format = "decimal";
                    schema.MultipleOf = 0.01m;
                    schema.Description = "An amount in Moroccan dirhams (MAD), two decimals.";
                    schema.Properties?.Clear();
                    schema.Required?.Clear();
                }

                return Task.CompletedTask;
            });

            options.AddSchemaTransformer(SchemaConventions.Transform);
            options.AddOperationTransformer(OperationConventions.Transform);

            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Responses ??= new OpenApiResponses();
                if (metadata.OfType<Idempotency.IdempotencyHeaderDocumentation>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "Idempotency-Key",
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Makes a retry safe: the same key with the same request answers the first answer again (with Idempotent-Replayed: true) and changes nothing; with another request, 422.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
                    });
                    operation.Responses.TryAdd("422", new OpenApiResponse { Description = "The Idempotency-Key was already used for a different request, or a business rule forbids this." });
                    operation.Responses.TryAdd("409", new OpenApiResponse { Description = "A request with the same Idempotency-Key was carried out meanwhile." });
                }

                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                    return Task.CompletedTask;
                }

                var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
                var schemes = policies.Contains(AuthNames.PartnerPolicy) ? new[] { AuthNames.ApiKeyScheme }
                    : policies.Contains(AuthNames.StaffPolicy) || policies.Contains(AuthNames.AdminPolicy) ? [AuthNames.BearerScheme]
                    : [AuthNames.BearerScheme, AuthNames.ApiKeyScheme];
                operation.Security = schemes
                    .Select(scheme => new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
                    })
                    .ToList();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing, expired or unknown credentials." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role, province or partner may not do this." });
                return Task.CompletedTask;
            });
        });
}

/// <summary>Descriptions of the API document's tags, contributed by the building blocks and the modules.</summary>
public sealed class ApiTagDescriptions
{
    public Dictionary<string, string> Descriptions { get; } = new(StringComparer.Ordinal);
}
