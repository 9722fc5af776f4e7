using BuildingBlocks.Domain;

namespace BuildingBlocks.Application.Exceptions;

/// <summary>
/// The request clashes with the current state (a duplicate, a stale version): 409.
/// <see cref="ExistingLocation"/> points at the record it clashes with, when there is one.
/// </summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string code, LocalizedText text, string? existingLocation = null)
        : base(text?.En ?? throw new ArgumentNullException(nameof(text)))
    {
        Code = code;
        Text = text;
        ExistingLocation = existingLocation;
    }

    public ConflictException()
        : this("conflict", new LocalizedText("The request conflicts with the current state.", "La requête est en conflit avec l'état actuel.", "الطلب يتعارض مع الحالة الحالية."))
    {
    }

    public ConflictException(string message)
        : this("conflict", new LocalizedText(message, message, message))
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "conflict";
        Text = new LocalizedText(message, message, message);
    }

    public string Code { get; }

    public LocalizedText Text { get; }

    public string? ExistingLocation { get; }
}
