using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BuildingBlocks.Infrastructure.Reminders;

public static class ReminderRegistration
{
    /// <summary>The ledger's sender; every module with reminders calls it, it registers once.</summary>
    public static IServiceCollection AddReminderLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section));
        services.TryAddSingleton<ReminderLedger>();
        return services;
    }
}
