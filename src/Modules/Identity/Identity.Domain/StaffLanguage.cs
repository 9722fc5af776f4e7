namespace Identity.Domain;

/// <summary>The languages a staff member may read the application's messages in.</summary>
public static class StaffLanguage
{
    public const string Arabic = "ar";
    public const string French = "fr";
    public const string English = "en";

    /// <summary>French: the working language of the agency's offices.</summary>
    public const string Default = French;

    public static readonly IReadOnlyList<string> All = [Arabic, French, English];
}
