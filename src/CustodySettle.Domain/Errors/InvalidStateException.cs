namespace CustodySettle.Domain.Errors;

/// <summary>A transition the current state does not allow (revoking twice is fine; rotating a revoked key
/// is not). The edge answers FAILED_PRECONDITION.</summary>
public sealed class InvalidStateException : Exception
{
    public InvalidStateException()
    {
    }

    public InvalidStateException(string message)
        : base(message)
    {
    }

    public InvalidStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
