using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BuildingBlocks.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace BuildingBlocks.Infrastructure.Http.OpenApi;

/// <summary>Endpoint metadata: the query or command type whose members the endpoint's parameters are.</summary>
internal sealed record ParametersFrom(Type Type);

/// <summary>
/// Describes each operation's parameters and shows examples: a parameter takes its description and
/// bounds from the member of the same name on the type named by <c>WithParametersFrom&lt;T&gt;()</c>
/// (its XML comment, its validator), else from a <c>[Description]</c> on the handler's parameter; the
/// request body and the success answers show the example their type declares (<see cref="IApiExample{TSelf}"/>),
/// a list or a page of one example when the type is a list of such items.
/// </summary>
internal static class OperationConventions
{
    public static Task Transform(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var source = description.ActionDescriptor.EndpointMetadata.OfType<ParametersFrom>().LastOrDefault()?.Type;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            var member = source?.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.IgnoreCase);
            parameter.Description ??= (member is null ? null : XmlDocumentation.Of(member))
                ?? description.ParameterDescriptions
                    .Where(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))
                    .Select(p => (p.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<DescriptionAttribute>()?.Description)
                    .FirstOrDefault(text => text is not null);
            if (member is not null && parameter.Schema is OpenApiSchema schema
                && ValidationConstraints.For(source!).TryGetValue(member.Name, out var constraints))
            {
                SchemaConventions.Bound(schema, constraints);
            }
        }

        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        // A form's fields are separate parameters to the API explorer: its type is the one it declares it accepts.
        var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type
            ?? description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().LastOrDefault()?.RequestType;
        if (body is not null && operation.RequestBody?.Content is { } requestContent)
        {
            ShowExample(requestContent, body, json);
        }

        if (description.ActionDescriptor.EndpointMetadata.OfType<CsvBodyExample>().LastOrDefault() is { } csv
            && operation.RequestBody?.Content?.TryGetValue(CsvUploads.MediaType, out var csvMedia) == true)
        {
            csvMedia.Example = System.Text.Json.Nodes.JsonValue.Create(csv.Text);
        }

        foreach (var file in description.ActionDescriptor.EndpointMetadata.OfType<BinaryBody>())
        {
            if (operation.RequestBody?.Content?.TryGetValue(file.MediaType, out var fileMedia) == true)
            {
                fileMedia.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }

        foreach (var answer in description.SupportedResponseTypes.Where(r => r.StatusCode is >= 200 and < 300 && r.Type is not null))
        {
            if (operation.Responses?.TryGetValue(answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                && response.Content is { } responseContent)
            {
                ShowExample(responseContent, answer.Type!, json);
            }
        }

        return Task.CompletedTask;
    }

    private static void ShowExample(IDictionary<string, OpenApiMediaType> content, Type type, JsonSerializerOptions json)
    {
        if (Example(type) is not { } example)
        {
            return;
        }

        foreach (var media in content.Values)
        {
            media.Example ??= JsonSerializer.SerializeToNode(example, type, json);
        }
    }

    /// <summary>The example a type declares; for a page or a list of such items, one holding that example.</summary>
    private static object? Example(Type type)
    {
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IApiExample<>)))
        {
            return type.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedResult<>) && Example(type.GetGenericArguments()[0]) is { } item)
        {
            var items = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]))!;
            items.Add(item);
            return Activator.CreateInstance(type, items, 1, 20, 1L, true);
        }

        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
            : null;
        if (element is not null && Example(element) is { } one)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(one);
            return list;
        }

        return null;
    }
}
