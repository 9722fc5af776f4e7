using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Logging;

public static class JsonLogLines
{
    /// <summary>One JSON object per line on standard output, for the log collector outside Development.</summary>
    public static ILoggingBuilder AddJsonLogLines(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        return logging.ClearProviders()
            .AddConsole(console => console.FormatterName = JsonLogLineFormatter.FormatterName)
            .AddConsoleFormatter<JsonLogLineFormatter, JsonConsoleFormatterOptions>();
    }
}

/// <summary>
/// The framework's JSON console layout (<c>EventId</c>, <c>LogLevel</c>, <c>Category</c>,
/// <c>Message</c>, <c>Exception</c>, <c>State</c>, <c>Scopes</c>), with <c>State.Message</c> taken
/// from the formatted message. With redaction on, the state a provider receives is the telemetry
/// logger's tag list, whose <c>ToString()</c> is its type name; the built-in formatter printed that.
/// </summary>
internal sealed class JsonLogLineFormatter(IOptionsMonitor<JsonConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "json-lines";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, settings.JsonWriterOptions))
        {
            writer.WriteStartObject();
            if (settings.TimestampFormat is { } format)
            {
                var now = settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
                writer.WriteString("Timestamp", now.ToString(format, CultureInfo.InvariantCulture));
            }

            writer.WriteNumber(nameof(logEntry.EventId), logEntry.EventId.Id);
            writer.WriteString(nameof(logEntry.LogLevel), logEntry.LogLevel.ToString());
            writer.WriteString(nameof(logEntry.Category), logEntry.Category);
            writer.WriteString("Message", message);
            if (logEntry.Exception is { } exception)
            {
                writer.WriteString(nameof(logEntry.Exception), exception.ToString());
            }

            if (logEntry.State is { } state)
            {
                writer.WriteStartObject(nameof(logEntry.State));
                writer.WriteString("Message", message);
                WriteValues(writer, state);
                writer.WriteEndObject();
            }

            if (settings.IncludeScopes && scopeProvider is not null)
            {
                writer.WriteStartArray("Scopes");
                scopeProvider.ForEachScope(
                    static (scope, w) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>>)
                        {
                            w.WriteStartObject();
                            w.WriteString("Message", scope.ToString());
                            WriteValues(w, scope);
                            w.WriteEndObject();
                        }
                        else
                        {
                            w.WriteStringValue(Convert.ToString(scope, CultureInfo.InvariantCulture));
                        }
                    },
                    writer);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteValues(Utf8JsonWriter writer, object? values)
    {
        if (values is not IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            return;
        }

        foreach (var (key, value) in pairs)
        {
            switch (value)
            {
                case null: writer.WriteNull(key); break;
                case bool b: writer.WriteBoolean(key, b); break;
                case int n: writer.WriteNumber(key, n); break;
                case long n: writer.WriteNumber(key, n); break;
                case short n: writer.WriteNumber(key, n); break;
                case byte n: writer.WriteNumber(key, n); break;
                case uint n: writer.WriteNumber(key, n); break;
                case ulong n: writer.WriteNumber(key, n); break;
                case decimal n: writer.WriteNumber(key, n); break;
                case double n when double.IsFinite(n): writer.WriteNumber(key, n); break;
                case float n when float.IsFinite(n): writer.WriteNumber(key, n); break;
                case string s: writer.WriteString(key, s); break;
                case IFormattable f: writer.WriteString(key, f.ToString(null, CultureInfo.InvariantCulture)); break;
                default: writer.WriteString(key, value.ToString()); break;
            }
        }
    }
}
