using BuildingBlocks.Application.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Email;

public static class EmailRegistration
{
    /// <summary>One <see cref="IEmailSender"/>, its transport chosen by <c>Email:Transport</c>.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<PickupDirectoryEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport switch
        {
            EmailTransport.Smtp => sp.GetRequiredService<SmtpEmailSender>(),
            _ => sp.GetRequiredService<PickupDirectoryEmailSender>(),
        });
        return services;
    }
}
