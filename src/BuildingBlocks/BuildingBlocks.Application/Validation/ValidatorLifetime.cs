using System.Reflection;

namespace BuildingBlocks.Application.Validation;

/// <summary>
/// Which validators may live for the whole process. Building a validator compiles an expression per
/// rule: done once per scope, it cost every request, inbox message and imported line. A validator
/// whose constructor needs nothing, or only the clock, holds no state and is built once; one that
/// takes a scoped service (a DbContext) stays scoped.
/// </summary>
public static class ValidatorLifetime
{
    public static bool IsSingleton(Type validatorType)
    {
        ArgumentNullException.ThrowIfNull(validatorType);
        return validatorType
            .GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .All(c => c.GetParameters().All(p => p.ParameterType == typeof(TimeProvider)));
    }
}
