namespace BuildingBlocks.Application.Email;

/// <summary>
/// One email. <see cref="DeliveryKey"/> names the delivery (e.g. <c>visit-reminder:{visitId}:{date}</c>)
/// so that a retried or doubled job can recognise a message it already sent.
/// </summary>
public sealed record EmailMessage(
    string To,
    string? ToName,
    string Subject,
    string TextBody,
    string DeliveryKey,
    string? HtmlBody = null,
    string? Language = null);

/// <summary>Sends email through the configured transport (SMTP, or a pickup directory).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
