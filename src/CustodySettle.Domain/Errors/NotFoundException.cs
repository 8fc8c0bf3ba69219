namespace CustodySettle.Domain.Errors;

/// <summary>Something a request names does not exist (or is outside the caller's scope, which must look the
/// same). The edge answers NOT_FOUND.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
