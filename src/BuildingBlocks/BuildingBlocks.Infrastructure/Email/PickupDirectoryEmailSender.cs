using System.Security.Cryptography;
using System.Text;
using BuildingBlocks.Application.Email;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file (MimeKit). The file is named after the delivery key, so a
/// message sent twice is one file; it is written to a temporary name and moved, so a reader never
/// sees half a message.
/// </summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        Directory.CreateDirectory(settings.PickupDirectory);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.DeliveryKey)))[..32];
        var path = Path.Combine(settings.PickupDirectory, $"{name}.eml");
        var temporary = path + ".tmp";
        await MimeMessages.Build(message, settings).WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
