namespace BuildingBlocks.Infrastructure.Email;

public enum EmailTransport
{
    /// <summary>Writes each message as an .eml file in <see cref="EmailOptions.PickupDirectory"/> (local runs).</summary>
    Pickup,

    /// <summary>Sends through an SMTP server with MailKit.</summary>
    Smtp,
}

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailTransport Transport { get; set; } = EmailTransport.Pickup;

    public string FromAddress { get; set; } = "no-reply@programmes.local";

    public string FromName { get; set; } = "Programmes AGR";

    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "modular-mail");

    public string SmtpHost { get; set; } = "127.0.0.1";

    public int SmtpPort { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string SmtpSecurity { get; set; } = "Auto";

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }
}
