using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Infrastructure.Modules;
using IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

/// <summary>The composed host reaches every module's handlers: none is dropped by the source generator's scan.</summary>
public sealed class CompositionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Every_command_and_query_of_every_module_has_a_registered_handler()
    {
        var services = api.Services.GetRequiredService<IServiceProviderIsService>();
        var messages = api.Services.GetRequiredService<ModuleCatalog>().Modules
            .SelectMany(m => m.ApplicationAssembly.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && (typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t)))
            .ToList();

        messages.Should().Contain(t => t.Name == "RegisterPartnerCommand").And.Contain(t => t.Name == "GetPartnersReportQuery");
        messages.Where(message => !HandlerTypes(message).Any(services.IsService))
            .Select(message => message.FullName)
            .Should().BeEmpty("every command and query needs a handler the mediator can resolve");
    }

    [Fact]
    public void Every_integration_event_handler_can_be_resolved_in_a_scope()
    {
        using var scope = api.Services.CreateScope();
        var handlers = api.Services.GetRequiredService<ModuleCatalog>().Modules
            .SelectMany(m => BuildingBlocks.Infrastructure.Messaging.Subscriptions.FindHandlers(m.ApplicationAssembly))
            .Select(h => h.Handler)
            .ToList();

        handlers.Should().NotBeEmpty();
        foreach (var handler in handlers)
        {
            scope.ServiceProvider.GetService(handler).Should().NotBeNull($"{handler.Name} must be registered").And.BeAssignableTo(
                typeof(IIntegrationEventHandler<>).MakeGenericType(handler.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>)).GetGenericArguments()));
        }
    }

    private static IEnumerable<Type> HandlerTypes(Type message)
    {
        foreach (var contract in message.GetInterfaces().Where(i => i.IsGenericType))
        {
            var definition = contract.GetGenericTypeDefinition();
            var response = contract.GetGenericArguments()[0];
            if (definition == typeof(ICommand<>))
            {
                yield return typeof(ICommandHandler<,>).MakeGenericType(message, response);
            }
            else if (definition == typeof(IQuery<>))
            {
                yield return typeof(IQueryHandler<,>).MakeGenericType(message, response);
            }
        }

        if (typeof(ICommand).IsAssignableFrom(message))
        {
            yield return typeof(ICommandHandler<>).MakeGenericType(message);
            yield return typeof(ICommandHandler<,>).MakeGenericType(message, typeof(Unit));
        }
    }

    [Fact]
    public void Validators_are_built_once_unless_they_need_a_scoped_service()
    {
        using var one = api.Services.CreateScope();
        using var other = api.Services.CreateScope();

        // RegisterPersonCommand's validator needs the clock only: one for the process.
        var register = typeof(global::Applicants.Application.Persons.RegisterPerson.RegisterPersonCommand);
        Resolve(one, register).Should().BeSameAs(Resolve(other, register));
        // The communes' import reads the geography through the module's DbContext: one per scope.
        var communes = typeof(global::Applicants.Application.Geography.ImportCommunes.ImportCommunesCommand);
        Resolve(one, communes).Should().NotBeSameAs(Resolve(other, communes));

        static object Resolve(IServiceScope scope, Type command) =>
            scope.ServiceProvider.GetServices(typeof(FluentValidation.IValidator<>).MakeGenericType(command)).Single()!;
    }
}
