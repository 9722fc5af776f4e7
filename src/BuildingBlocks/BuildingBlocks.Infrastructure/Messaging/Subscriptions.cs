using System.Reflection;
using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Modules;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>One handler of one event type in one module.</summary>
public sealed class Subscription
{
    private static readonly MethodInfo InvokeMethod = typeof(Subscription).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly Func<object, IIntegrationEvent, CancellationToken, Task> _invoke;

    internal Subscription(ModuleDefinition module, Type eventType, Type handlerType)
    {
        Module = module;
        EventType = eventType;
        HandlerType = handlerType;
        EventTypeName = MessageSerializer.TypeName(eventType);
        HandlerName = handlerType.FullName ?? handlerType.Name;
        _invoke = InvokeMethod.MakeGenericMethod(eventType).CreateDelegate<Func<object, IIntegrationEvent, CancellationToken, Task>>();
    }

    public ModuleDefinition Module { get; }

    public Type EventType { get; }

    public Type HandlerType { get; }

    public string EventTypeName { get; }

    public string HandlerName { get; }

    public Task Invoke(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        _invoke(handler, integrationEvent, cancellationToken);

    private static Task InvokeTyped<TEvent>(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        ((IIntegrationEventHandler<TEvent>)handler).Handle((TEvent)integrationEvent, cancellationToken);
}

/// <summary>
/// Every integration event type and every subscription, found by type in the modules'
/// assemblies — never from a hand-kept list that could forget one.
/// </summary>
public sealed class Subscriptions
{
    private readonly Dictionary<string, List<Subscription>> _byEvent = new(StringComparer.Ordinal);
    // A handler class may subscribe to several events: the inbox row's event type tells which.
    private readonly Dictionary<(string Module, string Handler, string EventType), Subscription> _byHandler = [];

    public Subscriptions(ModuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var eventTypes = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in catalog.Modules
            .SelectMany(m => m.ContractsAssembly.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IIntegrationEvent).IsAssignableFrom(t)))
        {
            var name = MessageSerializer.TypeName(type);
            if (!eventTypes.TryAdd(name, type))
            {
                throw new InvalidOperationException($"{eventTypes[name].FullName} and {type.FullName} both travel as '{name}'; each integration event needs a name of its own.");
            }
        }

        EventTypes = eventTypes;

        foreach (var module in catalog.Modules)
        {
            foreach (var (handlerType, eventType) in FindHandlers(module.ApplicationAssembly))
            {
                var subscription = new Subscription(module, eventType, handlerType);
                if (!_byEvent.TryGetValue(subscription.EventTypeName, out var list))
                {
                    _byEvent[subscription.EventTypeName] = list = [];
                }

                list.Add(subscription);
                _byHandler[(module.Name, subscription.HandlerName, subscription.EventTypeName)] = subscription;
            }
        }

        SubscribingModules = catalog.Modules.Where(m => _byHandler.Values.Any(s => s.Module == m)).ToList();
    }

    /// <summary>Integration event types declared in the modules' Contracts, by stored name.</summary>
    public IReadOnlyDictionary<string, Type> EventTypes { get; }

    public IEnumerable<Subscription> All => _byHandler.Values;

    /// <summary>The modules that handle at least one event: the only inboxes that can hold anything.</summary>
    public IReadOnlyList<ModuleDefinition> SubscribingModules { get; }

    public IReadOnlyList<Subscription> For(string eventTypeName) =>
        _byEvent.TryGetValue(eventTypeName, out var list) ? list : [];

    public Subscription? Find(string module, string handlerName, string eventTypeName) =>
        _byHandler.GetValueOrDefault((module, handlerName, eventTypeName));

    public static IEnumerable<(Type Handler, Type Event)> FindHandlers(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
                .Select(i => (t, i.GetGenericArguments()[0])));
    }
}
