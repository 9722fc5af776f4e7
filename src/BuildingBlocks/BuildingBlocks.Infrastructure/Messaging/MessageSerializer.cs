using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using BuildingBlocks.Contracts;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>How integration events are written to the outbox and read back from an inbox.</summary>
public static class MessageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly ConcurrentDictionary<Type, string> WireNames = new();

    public static string Serialize(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);
    }

    public static IIntegrationEvent Deserialize(string content, Type eventType) =>
        (IIntegrationEvent)(JsonSerializer.Deserialize(content, eventType, Options)
            ?? throw new JsonException($"Empty {eventType.Name} message."));

    /// <summary>
    /// The stable contract name an event type is stored under (<see cref="IntegrationEventNameAttribute"/>),
    /// never its CLR name: a class may be renamed or moved without stranding a stored message.
    /// </summary>
    public static string TypeName(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        // Read once per type: reflection over the attributes cost 1.4 % of a registration's CPU (issue 13).
        return WireNames.GetOrAdd(eventType, static type =>
            (type.GetCustomAttributes(typeof(IntegrationEventNameAttribute), inherit: false)
                .OfType<IntegrationEventNameAttribute>()
                .SingleOrDefault()
                ?? throw new InvalidOperationException(
                    $"The integration event {type.FullName} has no [IntegrationEventName(name, version)]: its name on the wire must not depend on its class name."))
            .WireName);
    }
}
