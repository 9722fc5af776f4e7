using System.Buffers;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>
/// Text the system accepts: no C0 control character other than tab, line feed and carriage
/// return, and no unpaired UTF-16 surrogate. PostgreSQL cannot store NUL in text at all; the other
/// controls and lone surrogates are never typed by a person and break exports, logs and the
/// Arabic/Latin name folding. Tab and line breaks stay, because multi-line fields (notes,
/// addresses) legitimately hold them; a single-line field refuses them in its own validator.
/// Bidirectional and zero-width marks (U+200C–U+200F, U+202A–U+202E, U+2066–U+2069) are ordinary
/// characters of Arabic text and are accepted.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0020' && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// One screen at the edge for every way text enters: JSON bodies (every string and property name,
/// nested ones included), form fields, query-string values, route values and header values. A
/// request carrying text that <see cref="StorableText"/> refuses is answered 400 with the field
/// named as the caller sent it (<c>name</c>, <c>lines[0].label</c>, <c>q</c>, <c>Idempotency-Key</c>),
/// before authentication and before any endpoint, so no endpoint, validator or module can forget it.
/// Malformed JSON passes through untouched: the binder answers it as it always did.
/// </summary>
internal sealed class StorableTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var field = FirstUnstorableField(context.Request);
        if (field is null && context.Request.HasJsonContentType())
        {
            field = await FirstUnstorableJsonFieldAsync(context.Request, context.RequestAborted);
        }
        else if (field is null && context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                field = First(form.SelectMany(f => f.Value.Select(v => (f.Key, v))));
            }
            catch (InvalidDataException)
            {
                // The framework's form reader refuses an encoded NUL itself, without naming the field.
                field = "form";
            }
        }

        if (field is not null)
        {
            throw new ValidationException([new ValidationFailure(field, ProblemTexts.UnstorableText.ToString())]);
        }

        await next(context);
    }

    private static string? FirstUnstorableField(HttpRequest request) =>
        First(request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v))))
        ?? First(request.RouteValues.Select(r => (r.Key, r.Value as string)))
        ?? First(request.Headers.SelectMany(h => h.Value.Select(v => (h.Key, v))));

    private static string? First(IEnumerable<(string Key, string? Value)> values)
    {
        foreach (var (key, value) in values)
        {
            if (!StorableText.IsStorable(key))
            {
                return "query";
            }

            if (value is not null && !StorableText.IsStorable(value))
            {
                return key;
            }
        }

        return null;
    }

    private static async Task<string?> FirstUnstorableJsonFieldAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var body = new ArrayBufferWriter<byte>();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                body.Write(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            request.Body.Position = 0;
        }

        return FirstUnstorableJsonField(body.WrittenSpan);
    }

    /// <summary>The path of the first string or property name that is not storable; null when all are, or when the JSON is malformed.</summary>
    internal static string? FirstUnstorableJsonField(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<Segment>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        NextItem(path);
                        path.Add(new Segment { InArray = reader.TokenType == JsonTokenType.StartArray });
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Read(ref reader);
                        path[^1].Name = name ?? "?";
                        if (name is null)
                        {
                            return PathOf(path, beforeProperty: true);
                        }

                        break;
                    case JsonTokenType.String:
                        NextItem(path);
                        if (Read(ref reader) is null)
                        {
                            return PathOf(path, beforeProperty: false);
                        }

                        break;
                    default:
                        NextItem(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The string, or null when it is not storable (a lone surrogate escape cannot even be decoded).</summary>
    private static string? Read(ref Utf8JsonReader reader)
    {
        try
        {
            var text = reader.GetString()!;
            return StorableText.IsStorable(text) ? text : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void NextItem(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].InArray)
        {
            path[^1].Index++;
        }
    }

    private static string PathOf(List<Segment> path, bool beforeProperty)
    {
        var text = new StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            var segment = path[i];
            if (segment.InArray)
            {
                text.Append('[').Append(segment.Index).Append(']');
            }
            else if (!(beforeProperty && i == path.Count - 1))
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment.Name);
            }
        }

        return text.Length == 0 ? "body" : text.ToString();
    }

    private sealed class Segment
    {
        public bool InArray { get; init; }

        public int Index { get; set; } = -1;

        public string Name { get; set; } = string.Empty;
    }
}
