using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IntegrationTests.Infrastructure;
using Mentoring.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Mentoring;

/// <summary>A host whose email goes through MailKit to a real SMTP server (Debian's aiosmtpd) on loopback.</summary>
public sealed class SmtpReminderFactory : ApiFactory
{
    private readonly StringBuilder _received = new();

    public SmtpReminderFactory()
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var python = Environment.GetEnvironmentVariable("TEST_SMTP_PYTHON") ?? "/usr/bin/python3";
        SmtpServer = Process.Start(new ProcessStartInfo(python, ["-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start; ./test.sh installs python3-aiosmtpd.");
        SmtpServer.OutputDataReceived += (_, line) => { lock (_received) { _received.AppendLine(line.Data); } };
        SmtpServer.BeginOutputReadLine();
        With("Email:Transport", "Smtp");
        With("Email:SmtpHost", "127.0.0.1");
        With("Email:SmtpPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Email:SmtpSecurity", "None");
    }

    public int Port { get; }

    public Process SmtpServer { get; }

    public string Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToString();
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        SmtpServer.Kill();
        SmtpServer.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class ReminderSmtpTests(SmtpReminderFactory api) : IClassFixture<SmtpReminderFactory>
{
    [Fact]
    public async Task The_daily_reminder_reaches_a_real_smtp_server_once()
    {
        var client = await api.AdminClientAsync();
        var email = $"mentor.{Guid.NewGuid():N}@example.ma";
        var mentor = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(language: "ar", email: email));
        var project = await MentoringApi.ApprovedProjectAsync(api);
        await MentoringApi.AssignAsync(client, project, mentor);
        // The first visit is a month ahead: move it within the 3 days, as a rescheduling would.
        await api.ExecuteAsync($"UPDATE mentoring.visits SET due_on = (now() AT TIME ZONE 'Africa/Casablanca')::date + 1 WHERE project_id = '{project}' AND number = 1");
        for (var i = 0; i < 50 && !await PortOpenAsync(); i++)
        {
            await Task.Delay(50);
        }

        await RunJobAsync();
        await RunJobAsync();

        var text = await Eventually.Until(() => Task.FromResult(api.Received), r => r.Contains($"X-Delivery-Key: visits:{mentor}:", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        text.Should().Contain(email);
        text.Should().Contain("Content-Language: ar");
        CountOf(text, $"X-Delivery-Key: visits:{mentor}:").Should().Be(1);
        (await api.ScalarAsync<string>($"SELECT status FROM mentoring.reminders WHERE key LIKE 'visits:{mentor}:%'")).Should().Be("Sent");
    }

    private async Task RunJobAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MentorRemindersJob>().RunAsync(CancellationToken.None);
    }

    private async Task<bool> PortOpenAsync()
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, api.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
