using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;

namespace BuildingBlocks.Infrastructure.Http.OpenApi;

/// <summary>What the validators enforce on one member, in the vocabulary of JSON Schema.</summary>
internal sealed record MemberConstraints
{
    /// <summary>An unconditional NotNull or NotEmpty: the member must be sent and not be null.</summary>
    public bool Required { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public string? Pattern { get; set; }

    public string? Format { get; set; }

    public string? Minimum { get; set; }

    public string? Maximum { get; set; }

    public string? ExclusiveMinimum { get; set; }

    public string? ExclusiveMaximum { get; set; }
}

/// <summary>
/// Reads the FluentValidation rules that apply to a type — its own validators and those of every
/// interface it implements (a request implementing <c>IPartnerInput</c> is checked by
/// <c>PartnerInputValidator</c>) — so that the API reference shows the constraints the API enforces,
/// written once, in the validator. Validators are found in the assemblies of the type and of its
/// interfaces, public or not, provided they can be built without services. A rule under a
/// When/Unless condition still bounds the value but does not make the member required.
/// </summary>
internal static class ValidationConstraints
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyList<(Type Validator, Type Target)>> ValidatorsByAssembly = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, MemberConstraints>> ByType = new();

    /// <summary>Whether any validator applies to the type: then it is an input, and only its validators say what is required.</summary>
    public static bool IsValidated(Type type) => ValidatorsFor(type).Any();

    /// <summary>Constraints by CLR member name (empty when no validator applies).</summary>
    public static IReadOnlyDictionary<string, MemberConstraints> For(Type type) => ByType.GetOrAdd(type, Read);

    private static IEnumerable<Type> ValidatorsFor(Type type) =>
        type.GetInterfaces().Select(i => i.Assembly).Append(type.Assembly).Distinct()
            .SelectMany(assembly => ValidatorsByAssembly.GetOrAdd(assembly, Scan))
            .Where(v => v.Target.IsAssignableFrom(type))
            .Select(v => v.Validator)
            .Distinct();

    private static IReadOnlyDictionary<string, MemberConstraints> Read(Type type)
    {
        var constraints = new Dictionary<string, MemberConstraints>(StringComparer.Ordinal);
        foreach (var validatorType in ValidatorsFor(type))
        {
            var validator = (IValidator)Activator.CreateInstance(validatorType, nonPublic: true)!;
            foreach (var rule in validator.CreateDescriptor().Rules)
            {
                if (rule.Member is null || rule.PropertyName is null)
                {
                    continue; // a rule on the whole object, or an Include: nothing to show on a member
                }

                var member = constraints.TryGetValue(rule.Member.Name, out var existing) ? existing : constraints[rule.Member.Name] = new MemberConstraints();
                foreach (var component in rule.Components)
                {
                    Apply(member, component.Validator, conditional: rule.HasCondition || rule.HasAsyncCondition || component.HasCondition || component.HasAsyncCondition, isString: rule.TypeToValidate == typeof(string));
                }
            }
        }

        return constraints;
    }

    private static void Apply(MemberConstraints member, IPropertyValidator validator, bool conditional, bool isString)
    {
        switch (validator)
        {
            case INotNullValidator when !conditional:
                member.Required = true;
                break;
            case INotEmptyValidator when !conditional:
                member.Required = true;
                if (isString)
                {
                    member.MinLength = Math.Max(member.MinLength ?? 0, 1);
                }

                break;
            case ILengthValidator length:
                if (length.Min > 0)
                {
                    member.MinLength = Math.Max(member.MinLength ?? 0, length.Min);
                }

                if (length.Max > 0)
                {
                    member.MaxLength = Math.Min(member.MaxLength ?? int.MaxValue, length.Max);
                }

                break;
            case IRegularExpressionValidator regex:
                member.Pattern = regex.Expression;
                break;
            case IEmailValidator:
                member.Format = "email";
                break;
            case IBetweenValidator between when between is IInclusiveBetweenValidator:
                member.Minimum = Number(between.From);
                member.Maximum = Number(between.To);
                break;
            case IBetweenValidator between:
                member.ExclusiveMinimum = Number(between.From);
                member.ExclusiveMaximum = Number(between.To);
                break;
            case IComparisonValidator { MemberToCompare: null, ValueToCompare: { } value } comparison:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThan: member.ExclusiveMinimum = Number(value); break;
                    case Comparison.GreaterThanOrEqual: member.Minimum = Number(value); break;
                    case Comparison.LessThan: member.ExclusiveMaximum = Number(value); break;
                    case Comparison.LessThanOrEqual: member.Maximum = Number(value); break;
                }

                break;
        }
    }

    private static string? Number(object? value) =>
        value is IConvertible and not string and not DateTime ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static IReadOnlyList<(Type Validator, Type Target)> Scan(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }

        return types
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not null)
            .Select(t => (Validator: t!, Target: ValidatedType(t!)))
            .Where(v => v.Target is not null)
            .Select(v => (v.Validator, v.Target!))
            .ToList();
    }

    private static Type? ValidatedType(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
