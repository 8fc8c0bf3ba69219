namespace CustodySettle.Domain.Errors;

/// <summary>
/// An id that exists already with another payload (a changed replay): <see cref="Field"/> names the
/// first field that differs. The edge answers ALREADY_EXISTS.
/// </summary>
public sealed class ConflictException : Exception
{
    public ConflictException()
        : this("conflict", string.Empty)
    {
    }

    public ConflictException(string message)
        : this(message, string.Empty)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    public ConflictException(string message, string field)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
