using System.Reflection;
using BuildingBlocks.Application.Messaging;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Architecture.Tests;

/// <summary>Handlers, validators and DbContexts are <c>internal sealed</c>: nothing outside the module calls them.</summary>
public class VisibilityTests
{
    public static TheoryData<string> ModuleNames => new(Layers.Modules.Keys);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Handlers_validators_and_db_contexts_are_internal_and_sealed(string module)
    {
        var offenders = ModuleTypes(module)
            .Where(IsGuarded)
            .Where(t => t.IsVisible || !t.IsSealed)
            .Select(t => t.FullName)
            .ToList();

        offenders.Should().BeEmpty("handlers, validators and DbContexts of {0} are internal sealed", module);
    }

    [Fact]
    public void The_guard_finds_the_handlers_validators_and_db_contexts_it_is_meant_to_check()
    {
        var guarded = Layers.Modules.Keys.SelectMany(ModuleTypes).Where(IsGuarded).Select(t => t.Name).ToList();

        guarded.Should().Contain(
        [
            "RegisterPartnerCommandHandler",        // Mediator ICommandHandler<,>
            "RecordPartnerCommandHandler",          // Mediator ICommandHandler<>
            "GetPartnersQueryHandler",              // Mediator IQueryHandler<,>
            "PublishPartnerIntegrationEvents",      // Mediator INotificationHandler<>
            "PartnerRegisteredHandler",             // IIntegrationEventHandler<>
            "RegisterPartnerCommandValidator",      // AbstractValidator<>
            "PartnershipsDbContext",                // DbContext
            "ApplicantsDbContext",
        ]);
    }

    private static IEnumerable<Type> ModuleTypes(string module) =>
        new[] { Layers.Application, Layers.Infrastructure }
            .SelectMany(layer => Layers.Assembly(module, layer).GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));

    private static bool IsGuarded(Type type) =>
        type.GetInterfaces().Any(IsHandlerInterface)
        || typeof(IValidator).IsAssignableFrom(type)
        || typeof(DbContext).IsAssignableFrom(type);

    private static bool IsHandlerInterface(Type contract)
    {
        if (!contract.IsGenericType)
        {
            return false;
        }

        var definition = contract.GetGenericTypeDefinition();
        return definition == typeof(IIntegrationEventHandler<>)
            || (definition.Namespace == "Mediator" && definition.Name.Contains("Handler", StringComparison.Ordinal));
    }
}
