using System.Text.Json;
using BuildingBlocks.Application.Privacy;
using BuildingBlocks.Infrastructure.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UnitTests.Logging;

/// <summary>
/// What the log collector receives outside Development: the host's own logging composition
/// (JSON console + personal-data redaction) writing to standard output.
/// </summary>
[Collection(nameof(StandardOutput))]
public sealed partial class JsonLogLineTests
{
    private const string Email = "fatima.zahra@example.ma";

    [Fact]
    public void A_json_log_line_carries_the_message_and_each_structured_value_with_personal_data_masked()
    {
        var line = LogOneLine(logger => LogRefused(logger, Email, "wrong password", 3));

        var json = JsonDocument.Parse(line).RootElement;
        json.GetProperty("Message").GetString().Should().Be("Login refused for fa*******************ma: wrong password (attempt 3)");
        var state = json.GetProperty("State");
        state.GetProperty("Message").GetString().Should().Be(json.GetProperty("Message").GetString());
        state.GetProperty("Email").GetString().Should().Be("fa*******************ma");
        state.GetProperty("Reason").GetString().Should().Be("wrong password");
        state.GetProperty("Attempt").GetInt32().Should().Be(3);
        line.Should().NotContain(Email).And.NotContain("TagJoiner");
    }

    private static string LogOneLine(Action<ILogger> log)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            // The console provider takes standard output when it is created, and flushes on dispose.
            using (var services = new ServiceCollection()
                .AddLogging(logging => logging.AddJsonLogLines().AddPersonalDataRedaction())
                .BuildServiceProvider())
            {
                log(services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(JsonLogLineTests)));
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Single(l => l.Contains($"\"Category\":\"{nameof(JsonLogLineTests)}\"", StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for {Email}: {Reason} (attempt {Attempt})")]
    private static partial void LogRefused(ILogger logger, [MaskedInLogs] string email, string reason, int attempt);
}

/// <summary>Tests that redirect the process's standard output run one at a time.</summary>
[CollectionDefinition(nameof(StandardOutput), DisableParallelization = true)]
public sealed class StandardOutput;
