using BuildingBlocks.Application.Privacy;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.Infrastructure.Logging;

/// <summary>Masks values classified <see cref="DataClasses.Personal"/> before any log provider sees them.</summary>
internal sealed class PersonalDataRedactor : Redactor
{
    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination) => PersonalData.Mask(source, destination);
}

public static class PersonalDataRedaction
{
    /// <summary>Turns on the framework's log redaction with our mask for personal data.</summary>
    public static ILoggingBuilder AddPersonalDataRedaction(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        // The discriminator appends the tag's name to the value before redaction ("…@example.ma:Email"),
        // which suits a hash; a mask would keep the name's last letters instead of the value's.
        logging.EnableRedaction(options => options.ApplyDiscriminator = false);
        logging.Services.AddRedaction(redaction => redaction.SetRedactor<PersonalDataRedactor>(DataClasses.Personal));
        return logging;
    }
}
