using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationTests.Fuzz;

/// <summary>
/// A valid value for a schema of the API document: its <c>example</c> when it has one, otherwise
/// one synthesised from its type, enum, format and pattern, so that each hostile value is tried
/// on a request that is otherwise acceptable. A property named in <c>references</c> (e.g.
/// <c>programmeId</c>) gets the id of a record that exists, wherever it appears, examples included.
/// </summary>
internal sealed class ValidValues(JsonElement document, string ownProvince, IReadOnlyDictionary<string, string>? references = null)
{
    private int _counter;

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var path = reference.GetString()!.TrimStart('#', '/').Split('/');
            schema = path.Aggregate(document, (node, segment) => node.GetProperty(segment));
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(combinator, out var options))
            {
                var first = options.EnumerateArray().Select(Resolve).FirstOrDefault(o => TypeOf(o) != "null");
                if (first.ValueKind != JsonValueKind.Undefined)
                {
                    return first;
                }
            }
        }

        return schema;
    }

    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
            : type.GetString();
    }

    public JsonNode? For(JsonElement schema, string name, int depth = 0)
    {
        var value = Synthesise(schema, name, depth);
        return depth == 0 ? WithReferences(value) : value;
    }

    private JsonNode? WithReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    obj[key] = references is not null && references.TryGetValue(key, out var id) && child is JsonValue ? JsonValue.Create(id) : WithReferences(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithReferences(item);
                }

                break;
        }

        return node;
    }

    private JsonNode? Synthesise(JsonElement schema, string name, int depth)
    {
        schema = Resolve(schema);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("example", out var example))
        {
            return JsonNode.Parse(example.GetRawText());
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values))
        {
            return JsonNode.Parse(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        }

        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (depth < 5 && schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        result[property.Name] = Synthesise(property.Value, property.Name, depth + 1);
                    }
                }

                return result;
            case "array":
                return depth < 5 && schema.TryGetProperty("items", out var items) ? new JsonArray(Synthesise(items, name, depth + 1)) : new JsonArray();
            case "integer":
                return JsonValue.Create(Number(schema, "minimum") ?? 1);
            case "number":
                return JsonValue.Create(Number(schema, "minimum") ?? 100);
            case "boolean":
                return JsonValue.Create(true);
            default:
                return JsonValue.Create(Text(schema, name));
        }
    }

    /// <summary>A query, route or header value as text.</summary>
    public string TextFor(JsonElement schema, string name) =>
        For(schema, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : For(schema, name)?.ToJsonString() ?? string.Empty;

    private static long? Number(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.TryGetInt64(out var number) ? number : null;

    private string Text(JsonElement schema, string name)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var unique = Interlocked.Increment(ref _counter);
        switch (format)
        {
            case "uuid":
                return Guid.NewGuid().ToString();
            case "date-time":
                return "2026-11-22T10:00:00+01:00";
            case "date":
                return "2026-11-22";
            case "email":
                return $"fuzz.{unique}@example.ma";
        }

        // Without an example, names of well-known fields give a plausible value; the pattern has the last word.
        string[] candidates =
        [
            .. name.Contains("email", StringComparison.OrdinalIgnoreCase) ? new[] { $"fuzz.{unique}@example.ma" } : [],
            .. name.Contains("phone", StringComparison.OrdinalIgnoreCase) ? new[] { "+212 600 000 000" } : [],
            .. name.Contains("url", StringComparison.OrdinalIgnoreCase) ? new[] { "https://partner.example.ma/hooks" } : [],
            .. name.Contains("province", StringComparison.OrdinalIgnoreCase) ? new[] { ownProvince } : [],
            $"Fuzz {unique}",
            ownProvince,
            "fuzz",
            "1",
            // Codes whose pattern none of the above fits: a CIN (unique, as CINs must be) and a real commune.
            $"FZ{unique}",
            "03.531.01.01",
        ];
        var pattern = schema.TryGetProperty("pattern", out var p) ? new Regex(p.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
        // A pattern that lists its values (^(ar|fr|en)$) offers its first one.
        var listed = pattern is null ? null : Regex.Match(pattern.ToString(), @"^\^\(([^|()\\]+)\|");
        if (listed is { Success: true })
        {
            candidates = [listed.Groups[1].Value, .. candidates];
        }

        var text = candidates.FirstOrDefault(c => pattern is null || pattern.IsMatch(c)) ?? candidates[0];
        var min = Number(schema, "minLength");
        text = min is { } least && text.Length < least ? text.PadRight((int)least, 'x') : text;
        var max = Number(schema, "maxLength");
        return max is { } limit && text.Length > limit ? text[..(int)limit] : text;
    }
}
