using Microsoft.Extensions.Compliance.Classification;

namespace BuildingBlocks.Application.Privacy;

/// <summary>The data classes the logging pipeline knows how to redact.</summary>
public static class DataClasses
{
    /// <summary>Data that identifies a person (law 09-08): CIN, names, phone numbers, email addresses.</summary>
    public static DataClassification Personal { get; } = new("Law09-08", "Personal");
}

/// <summary>
/// Marks a <c>[LoggerMessage]</c> parameter as personal data: it reaches the log masked
/// (<c>AB****56</c>), never in clear.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MaskedInLogsAttribute : DataClassificationAttribute
{
    public MaskedInLogsAttribute()
        : base(DataClasses.Personal)
    {
    }
}
