namespace CustodySettle.Domain.Errors;

/// <summary>A figure could not be had from a dependency (a chain read failed or reverted), so no answer is
/// given rather than one computed without it. The edge answers UNAVAILABLE: the caller may retry.</summary>
public sealed class UnavailableException : Exception
{
    public UnavailableException()
    {
    }

    public UnavailableException(string message)
        : base(message)
    {
    }

    public UnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
