using System.Text.Json;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// Walks an OpenAPI document as a partner's developer and a client generator would, and lists
/// every place where it leaves them guessing: an operation, parameter or property without a
/// description, a request body without an example, a required property that may be null, a
/// response property that is never null but not required, and a string the caller sends with no
/// bound at all (maxLength, pattern, format or enum).
/// </summary>
internal static class ApiDocumentAudit
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static IReadOnlyList<string> Offenders(JsonElement document)
    {
        var offenders = new List<string>();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var requestSchemas = new HashSet<string>(StringComparer.Ordinal);
        var responseSchemas = new HashSet<string>(StringComparer.Ordinal);

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var name = $"{method.Name.ToUpperInvariant()} {path.Name}";
                var operation = method.Value;
                if (!HasText(operation, "description"))
                {
                    offenders.Add($"{name}: the operation has no description");
                }

                foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
                {
                    var where = $"{name}: parameter {parameter.GetProperty("name").GetString()} ({parameter.GetProperty("in").GetString()})";
                    if (!HasText(parameter, "description"))
                    {
                        offenders.Add($"{where} has no description");
                    }

                    if (parameter.TryGetProperty("schema", out var schema) && IsUnboundedString(schema, schemas))
                    {
                        offenders.Add($"{where} is a string without maxLength, pattern, format or enum");
                    }
                }

                if (operation.TryGetProperty("requestBody", out var body))
                {
                    foreach (var media in body.GetProperty("content").EnumerateObject())
                    {
                        // A file upload (format binary) shows no example: its schema says it is a file, and its description what file.
                        var binary = media.Value.TryGetProperty("schema", out var fileSchema)
                            && fileSchema.TryGetProperty("format", out var fileFormat) && fileFormat.GetString() == "binary";
                        if (!binary && !media.Value.TryGetProperty("example", out _) && !media.Value.TryGetProperty("examples", out _)
                            && !(media.Value.TryGetProperty("schema", out var s) && Resolve(s, schemas).TryGetProperty("example", out _)))
                        {
                            offenders.Add($"{name}: the {media.Name} request body has no example");
                        }

                        if (media.Value.TryGetProperty("schema", out var bodySchema))
                        {
                            CollectReferences(bodySchema, schemas, requestSchemas);
                        }
                    }
                }

                foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')))
                {
                    foreach (var media in response.Value.TryGetProperty("content", out var c) ? c.EnumerateObject() : default)
                    {
                        if (media.Value.TryGetProperty("schema", out var responseSchema))
                        {
                            CollectReferences(responseSchema, schemas, responseSchemas);
                        }
                    }
                }
            }
        }

        foreach (var schema in schemas.EnumerateObject())
        {
            var required = schema.Value.TryGetProperty("required", out var r)
                ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var property in schema.Value.TryGetProperty("properties", out var props) ? props.EnumerateObject() : default)
            {
                var where = $"schema {schema.Name}, property {property.Name}";
                if (!HasText(property.Value, "description"))
                {
                    offenders.Add($"{where} has no description");
                }

                var nullable = IsNullable(property.Value);
                if (required.Contains(property.Name) && nullable)
                {
                    offenders.Add($"{where} is required but may be null");
                }

                if (responseSchemas.Contains(schema.Name) && !requestSchemas.Contains(schema.Name) && !nullable && !required.Contains(property.Name))
                {
                    offenders.Add($"{where} is never null in a response but not required");
                }

                if (requestSchemas.Contains(schema.Name) && IsUnboundedString(property.Value, schemas))
                {
                    offenders.Add($"{where} is a string the caller sends without maxLength, pattern, format or enum");
                }
            }
        }

        return offenders;
    }

    private static bool HasText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var text) && !string.IsNullOrWhiteSpace(text.GetString());

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    private static IEnumerable<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!)
        : [type.GetString()!];

    private static bool IsNullable(JsonElement schema) =>
        Types(schema).Contains("null")
        || (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Any(s => Types(s).Contains("null")))
        || (schema.TryGetProperty("nullable", out var flag) && flag.ValueKind == JsonValueKind.True);

    private static bool IsUnboundedString(JsonElement schema, JsonElement schemas)
    {
        var resolved = Resolve(schema, schemas);
        return Types(resolved).Contains("string")
            && !new[] { "maxLength", "pattern", "format", "enum" }.Any(bound => resolved.TryGetProperty(bound, out _));
    }

    private static void CollectReferences(JsonElement schema, JsonElement schemas, HashSet<string> seen)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in schema.EnumerateObject())
                {
                    if (member.Name == "$ref" && member.Value.GetString() is { } reference)
                    {
                        var name = reference["#/components/schemas/".Length..];
                        if (seen.Add(name))
                        {
                            CollectReferences(schemas.GetProperty(name), schemas, seen);
                        }
                    }
                    else
                    {
                        CollectReferences(member.Value, schemas, seen);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in schema.EnumerateArray())
                {
                    CollectReferences(item, schemas, seen);
                }

                break;
        }
    }
}
