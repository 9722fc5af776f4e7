using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Messaging;
using BuildingBlocks.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.Infrastructure.Modules;

public static class ModuleRegistration
{
    /// <summary>
    /// Registers a module: its DbContext on the shared data source in its own schema (with its own
    /// migrations history table), its validators, and its integration event handlers.
    /// </summary>
    public static IServiceCollection AddModule<TContext>(this IServiceCollection services, ModuleDefinition module)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(module);
        GetCatalog(services).Add(module);

        services.AddSchemaDbContext<TContext>(module.Schema, module.InfrastructureAssembly.GetName().Name);

        services.AddValidatorsFromAssembly(module.ApplicationAssembly, ServiceLifetime.Singleton, v => ValidatorLifetime.IsSingleton(v.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssembly(module.ApplicationAssembly, ServiceLifetime.Scoped, v => !ValidatorLifetime.IsSingleton(v.ValidatorType), includeInternalTypes: true);

        foreach (var (handler, _) in Subscriptions.FindHandlers(module.ApplicationAssembly))
        {
            services.AddScoped(handler);
        }

        return services;
    }

    /// <summary>The catalog lives in the service collection so that every module adds itself to the same one.</summary>
    public static ModuleCatalog GetCatalog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ModuleCatalog))?.ImplementationInstance;
        if (existing is ModuleCatalog catalog)
        {
            return catalog;
        }

        catalog = new ModuleCatalog();
        services.AddSingleton(catalog);
        return catalog;
    }

    /// <summary>The outbox, inbox and dispatcher shared by all modules.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        services.AddSingleton<Subscriptions>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<ParkedMessages>();
        services.AddSingleton<SubscriptionReplay>();
        services.DescribeApiTag("Operations", "For administrators: the integration events that failed too often, the subscriptions, and sending events through a handler again.");
        services.AddScoped<IntegrationEventCollector>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<UniqueKeys>();
        services.AddScoped<IUniqueKeys>(sp => sp.GetRequiredService<UniqueKeys>());
        services.AddScoped<IIntegrationEventPublisher>(sp => sp.GetRequiredService<IntegrationEventCollector>());
        services.AddHostedService<MessagingWorker>();
        return services;
    }
}
