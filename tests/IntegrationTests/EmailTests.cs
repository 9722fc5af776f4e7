using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BuildingBlocks.Application.Email;
using BuildingBlocks.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IntegrationTests;

/// <summary>Both email transports, for real: MailKit to an SMTP server (aiosmtpd), and .eml files in a pickup directory.</summary>
public sealed class EmailTests
{
    [Fact]
    public async Task The_smtp_transport_delivers_to_a_real_smtp_server()
    {
        var port = FreePort();
        using var server = StartSmtpServer(port);
        var received = new StringBuilder();
        server.OutputDataReceived += (_, line) => { lock (received) { received.AppendLine(line.Data); } };
        server.BeginOutputReadLine();
        await WaitForPort(port);
        var sender = Sender(new() { ["Email:Transport"] = "Smtp", ["Email:SmtpHost"] = "127.0.0.1", ["Email:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Email:SmtpSecurity"] = "None" });

        await sender.SendAsync(
            new EmailMessage("mentor@example.ma", "Mentor", "Visite de suivi due", "La visite du projet est due demain.", "visit-reminder:42:2026-11-23", Language: "fr"),
            CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string text;
        do
        {
            await Task.Delay(50);
            lock (received) { text = received.ToString(); }
        }
        while (!text.Contains("visit-reminder:42:2026-11-23", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        text.Should().Contain("X-Delivery-Key: visit-reminder:42:2026-11-23");
        text.Should().Contain("mentor@example.ma");
        server.Kill();
    }

    [Fact]
    public async Task The_pickup_transport_writes_one_eml_file_per_delivery_key()
    {
        var directory = Path.Combine(Path.GetTempPath(), "modular-tests", Guid.NewGuid().ToString("N"));
        var sender = Sender(new() { ["Email:Transport"] = "Pickup", ["Email:PickupDirectory"] = directory });
        var message = new EmailMessage("mentor@example.ma", "مرشد", "تذكير بزيارة التتبع", "زيارة المشروع مستحقة غدا.", "visit-reminder:7:2026-11-23", Language: "ar");

        await sender.SendAsync(message, CancellationToken.None);
        await sender.SendAsync(message, CancellationToken.None);

        var files = Directory.GetFiles(directory, "*.eml");
        files.Should().ContainSingle();
        var stored = await MimeMessage.LoadAsync(files[0]);
        stored.Subject.Should().Be("تذكير بزيارة التتبع");
        stored.To.Mailboxes.Single().Address.Should().Be("mentor@example.ma");
        stored.Headers["X-Delivery-Key"].Should().Be("visit-reminder:7:2026-11-23");
        stored.TextBody.Should().Contain("زيارة المشروع");
        Directory.Delete(directory, recursive: true);
    }

    private static IEmailSender Sender(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEmail(configuration).BuildServiceProvider().GetRequiredService<IEmailSender>();
    }

    private static Process StartSmtpServer(int port)
    {
        var python = Environment.GetEnvironmentVariable("TEST_SMTP_PYTHON") ?? "/usr/bin/python3";
        var start = new ProcessStartInfo(python, ["-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start; ./test.sh installs python3-aiosmtpd.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPort(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("The SMTP server did not start.");
    }
}
