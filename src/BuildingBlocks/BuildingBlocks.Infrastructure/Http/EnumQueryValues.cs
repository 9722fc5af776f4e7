using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>
/// Enums in query strings travel by name only, as in bodies. Minimal APIs bind an enum query
/// parameter with <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/>, which also takes numbers
/// (<c>?type=0</c>) and comma lists; this screen refuses those with a 400 naming the parameter,
/// before the endpoint runs, for every endpoint of every module.
/// </summary>
internal sealed class EnumQueryValuesMiddleware(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Endpoint, (string Name, string[] Names)[]> ByEndpoint = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue && context.GetEndpoint() is { } endpoint)
        {
            foreach (var (name, names) in ByEndpoint.GetOrAdd(endpoint, EnumQueryParameters))
            {
                if (context.Request.Query.TryGetValue(name, out var values)
                    && values.Any(value => value is not null && !names.Contains(value, StringComparer.OrdinalIgnoreCase)))
                {
                    throw new ValidationException([new ValidationFailure(name, ProblemTexts.InvalidValue.ToString())]);
                }
            }
        }

        return next(context);
    }

    private static (string Name, string[] Names)[] EnumQueryParameters(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return [];
        }

        var route = (endpoint as RouteEndpoint)?.RoutePattern;
        return method.GetParameters()
            .Select(p => (Parameter: p, Enum: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Enum.IsEnum && p.Parameter.Name is not null && route?.GetParameter(p.Parameter.Name) is null)
            .Where(p => !p.Parameter.GetCustomAttributes().Any(a =>
                a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata or IFromServiceMetadata))
            .Select(p => (p.Parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Parameter.Name!, Enum.GetNames(p.Enum)))
            .ToArray();
    }
}
