using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BuildingBlocks.Infrastructure.Http.OpenApi;

/// <summary>
/// Completes each schema from the code it describes: descriptions from the XML comments, bounds
/// from the validators, and what is required. An input (a type some validator checks) requires
/// what its validators require, and only that is non-null; an output requires every property
/// that is never null (nullable reference types), and only the others may be null. So a generated
/// client sees exactly which fields it must send and which it will always get.
/// </summary>
internal static class SchemaConventions
{
    // Keys the OpenAPI package reads when it turns a property's schema into a $ref to a component.
    private const string SchemaIdKey = "x-schema-id";
    private const string ReferenceDescriptionKey = "x-ref-description";
    private const string NullablePropertyKey = "x-is-nullable-property";

    /// <summary>RFC 9457 fields: the framework's types carry no XML comments we can read.</summary>
    private static readonly Dictionary<string, string> ProblemFields = new(StringComparer.Ordinal)
    {
        ["Type"] = "A URI reference that identifies the kind of problem.",
        ["Title"] = "A short summary of the kind of problem, in the language of Accept-Language.",
        ["Status"] = "The HTTP status code of this answer.",
        ["Detail"] = "What went wrong in this occurrence, in the language of Accept-Language.",
        ["Instance"] = "The request path the problem occurred on.",
        ["Errors"] = "For a 400: the messages for each invalid field, keyed by the field's name as sent.",
    };

    public static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;

        // The instants have a converter of ours (Moroccan time), so the package cannot tell they are strings.
        if (type == typeof(DateTimeOffset) && schema.Type is null)
        {
            // DateTimeOffset? stays nullable (e.g. an account's lockedOutUntil).
            schema.Type = context.JsonTypeInfo.Type == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }

        // Every schema carries the key; only those that become components have a non-empty id.
        var isComponent = schema.Metadata?.TryGetValue(SchemaIdKey, out var id) == true && id is string { Length: > 0 };
        if (isComponent || context.JsonPropertyInfo is null)
        {
            schema.Description ??= XmlDocumentation.Of(type);
            if (type.IsClass && type != typeof(string) && schema.Properties is { Count: > 0 })
            {
                schema.Required = RequiredProperties(context.JsonTypeInfo, schema);
            }
        }

        if (context.JsonPropertyInfo is { AttributeProvider: MemberInfo member } property)
        {
            DescribeProperty(schema, property, member, isComponent);
        }

        return Task.CompletedTask;
    }

    private static void DescribeProperty(OpenApiSchema schema, JsonPropertyInfo property, MemberInfo member, bool isComponent)
    {
        var declaring = property.DeclaringType;
        var description = XmlDocumentation.Of(member)
            ?? (typeof(ProblemDetails).IsAssignableFrom(declaring) && ProblemFields.TryGetValue(member.Name, out var field) ? field : null);
        if (isComponent)
        {
            schema.Metadata![ReferenceDescriptionKey] = description!;
        }
        else
        {
            schema.Description = description;
        }

        var isInput = ValidationConstraints.IsValidated(declaring);
        if (isInput && ValidationConstraints.For(declaring).TryGetValue(member.Name, out var constraints) && !isComponent)
        {
            Bound(schema, constraints);
        }

        var neverNull = isInput
            ? ValidationConstraints.For(declaring).TryGetValue(member.Name, out var c) && c.Required
            : IsNeverNull(member);
        if (neverNull)
        {
            schema.Metadata?.Remove(NullablePropertyKey);
            if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null) && t != JsonSchemaType.Null)
            {
                schema.Type = t & ~JsonSchemaType.Null;
            }

            if (schema.OneOf is { Count: > 1 } oneOf && oneOf.FirstOrDefault(s => s.Type == JsonSchemaType.Null) is { } nullBranch)
            {
                oneOf.Remove(nullBranch);
            }
        }
    }

    /// <summary>Puts a member's validation constraints on a schema (a property's or a parameter's).</summary>
    public static void Bound(OpenApiSchema schema, MemberConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(constraints);
        schema.MinLength = constraints.MinLength ?? schema.MinLength;
        schema.MaxLength = constraints.MaxLength ?? schema.MaxLength;
        schema.Pattern = constraints.Pattern ?? schema.Pattern;
        schema.Format = constraints.Format ?? schema.Format;
        schema.Minimum = constraints.Minimum ?? schema.Minimum;
        schema.Maximum = constraints.Maximum ?? schema.Maximum;
        schema.ExclusiveMinimum = constraints.ExclusiveMinimum ?? schema.ExclusiveMinimum;
        schema.ExclusiveMaximum = constraints.ExclusiveMaximum ?? schema.ExclusiveMaximum;
    }

    private static HashSet<string> RequiredProperties(JsonTypeInfo typeInfo, OpenApiSchema schema)
    {
        var type = typeInfo.Type;
        var isInput = ValidationConstraints.IsValidated(type);
        var constraints = ValidationConstraints.For(type);
        return typeInfo.Properties
            .Where(p => schema.Properties!.ContainsKey(p.Name) // not the extension data of a problem document
                && p.AttributeProvider is MemberInfo member
                && (isInput
                    ? constraints.TryGetValue(member.Name, out var c) && c.Required
                    : IsNeverNull(member)))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsNeverNull(MemberInfo member)
    {
        // NullabilityInfoContext is not thread-safe, and documents may be built concurrently.
        var info = member switch
        {
            PropertyInfo p => new NullabilityInfoContext().Create(p),
            FieldInfo f => new NullabilityInfoContext().Create(f),
            _ => null,
        };
        return info?.ReadState == NullabilityState.NotNull;
    }
}
