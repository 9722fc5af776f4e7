using BuildingBlocks.Application.Email;
using MimeKit;

namespace BuildingBlocks.Infrastructure.Email;

internal static class MimeMessages
{
    /// <summary>The header that carries the delivery key, so a receiver (or a test) can recognise a repeat.</summary>
    public const string DeliveryKeyHeader = "X-Delivery-Key";

    public static MimeMessage Build(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.To));
        mime.Subject = message.Subject;
        mime.Headers.Add(DeliveryKeyHeader, message.DeliveryKey);
        if (message.Language is not null)
        {
            mime.Headers.Add(HeaderId.ContentLanguage, message.Language);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
