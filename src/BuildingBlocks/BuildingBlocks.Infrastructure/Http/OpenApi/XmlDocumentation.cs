using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BuildingBlocks.Infrastructure.Http.OpenApi;

/// <summary>
/// The XML comments of the API's types, read from the documentation file the compiler writes next
/// to each assembly (GenerateDocumentationFile, Directory.Build.props). A property's text is its own
/// summary, else the record's primary-constructor <c>param</c>, else the summary of the interface
/// property it implements — so a positional record is documented with <c>param</c> tags and an
/// input interface documents every request that implements it.
/// </summary>
internal static partial class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, XElement>> Files = new();

    public static string? Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        var summary = Text(Member(type.Assembly, "T:" + Id(type))?.Element("summary"));
        if (!type.IsEnum)
        {
            return summary;
        }

        // Each value with its meaning, so that a caller knows which one to send.
        var values = Enum.GetNames(type).Select(name =>
            Text(Member(type.Assembly, $"F:{Id(type)}.{name}")?.Element("summary")) is { } meaning ? $"`{name}`: {meaning.TrimEnd('.')}" : $"`{name}`");
        return $"{summary} One of: {string.Join("; ", values)}.".Trim();
    }

    public static string? Of(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var declaring = member.DeclaringType!;
        var own = Text(Member(declaring.Assembly, $"{(member is FieldInfo ? "F" : "P")}:{Id(declaring)}.{member.Name}")?.Element("summary"));
        if (own is not null)
        {
            return own;
        }

        var parameter = Member(declaring.Assembly, "T:" + Id(declaring))?.Elements("param")
            .FirstOrDefault(p => string.Equals((string?)p.Attribute("name"), member.Name, StringComparison.Ordinal));
        if (Text(parameter) is { } fromParameter)
        {
            return fromParameter;
        }

        return declaring.GetInterfaces()
            .Select(i => i.GetProperty(member.Name))
            .Where(p => p is not null)
            .Select(p => Of(p!))
            .FirstOrDefault(text => text is not null);
    }

    private static XElement? Member(Assembly assembly, string id) =>
        Files.GetOrAdd(assembly, Load).TryGetValue(id, out var member) ? member : null;

    private static IReadOnlyDictionary<string, XElement> Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(path))
        {
            return new Dictionary<string, XElement>();
        }

        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => (string)m.Attribute("name")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The documentation id of a type: namespace-qualified, nested types with a dot, generics by arity.</summary>
    private static string Id(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition.FullName!.Replace('+', '.');
    }

    /// <summary>One line of plain text with Markdown code spans: what a reference page can show.</summary>
    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = string.Concat(element.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
            XElement { Name.LocalName: "see" or "seealso" } see => see.Value is { Length: > 0 } v ? v
                : ((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? string.Empty).Split('.', ':')[^1],
            XElement { Name.LocalName: "paramref" or "typeparamref" } p => (string?)p.Attribute("name") ?? string.Empty,
            XElement e => e.Value,
            _ => string.Empty,
        }));
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
