namespace BuildingBlocks.Application.Exceptions;

/// <summary>The resource does not exist, or the caller may not know that it does: 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string resource, object id)
        : base($"{resource} {id} was not found.")
    {
        Resource = resource;
        ResourceId = id?.ToString();
    }

    public NotFoundException()
        : this("resource", "?")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
        Resource = "resource";
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Resource = "resource";
    }

    public string Resource { get; } = "resource";

    public string? ResourceId { get; }
}
