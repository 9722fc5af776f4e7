using Identity.Application.Accounts;
using Identity.Application.Passwords;
using Identity.Application.Passwords.RequestPasswordReset;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Identity.Infrastructure.Sessions;

/// <summary>Sends the reset links queued by <c>POST /api/v1/auth/password-reset</c>, after the answer has gone.</summary>
internal sealed partial class PasswordResetSender(PasswordResetQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await PasswordResetQueue.SendLinkAsync(
                    email,
                    scope.ServiceProvider.GetRequiredService<IStaffAccounts>(),
                    scope.ServiceProvider.GetRequiredService<PasswordLinks>(),
                    stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A password reset link could not be sent")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
