using BuildingBlocks.Application.Validation;
using FluentValidation;
using Identity.Application.Accounts;
using Identity.Application.Passwords;
using Identity.Application.Passwords.RequestPasswordReset;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Application;

/// <summary>The Identity module's use cases: their validators and the services they share.</summary>
public static class IdentityApplication
{
    public static IServiceCollection AddIdentityApplication(this IServiceCollection services)
    {
        // Identity is no ModuleDbContext module (ADR 0007), so AddModule does not find its validators.
        services.AddValidatorsFromAssembly(AssemblyReference.Assembly, ServiceLifetime.Singleton, v => ValidatorLifetime.IsSingleton(v.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssembly(AssemblyReference.Assembly, ServiceLifetime.Scoped, v => !ValidatorLifetime.IsSingleton(v.ValidatorType), includeInternalTypes: true);
        services.AddScoped<IKnownProvinces, ReferenceGeographyProvinces>();
        services.AddScoped<PasswordLinks>();
        services.AddSingleton<PasswordResetQueue>();
        return services;
    }
}
