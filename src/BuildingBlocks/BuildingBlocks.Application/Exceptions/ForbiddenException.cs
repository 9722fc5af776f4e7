namespace BuildingBlocks.Application.Exceptions;

/// <summary>The caller is known but may not do this: 403.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException()
        : base("The caller may not perform this operation.")
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
