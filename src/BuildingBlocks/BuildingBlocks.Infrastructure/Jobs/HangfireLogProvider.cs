using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace BuildingBlocks.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide, while each host has its own logger factory. When
/// several hosts share a process (two hosts in a test, or a host restarted in place), the provider
/// may outlive the factory it was given; this one then stops logging instead of throwing.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Logger(loggers.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Logger(null);
        }
    }

    private sealed class Logger(ILogger? logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLogLevel.Trace => MsLogLevel.Trace,
                HangfireLogLevel.Debug => MsLogLevel.Debug,
                HangfireLogLevel.Info => MsLogLevel.Information,
                HangfireLogLevel.Warn => MsLogLevel.Warning,
                HangfireLogLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

            try
            {
#pragma warning disable CA1848, CA2254 // Hangfire hands over finished sentences, not templates.
                logger.Log(level, exception, "{HangfireMessage}", messageFunc());
#pragma warning restore CA1848, CA2254
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            return true;
        }
    }
}
