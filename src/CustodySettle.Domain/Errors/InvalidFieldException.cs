namespace CustodySettle.Domain.Errors;

/// <summary>A request field that fails validation: the edge answers INVALID_ARGUMENT with
/// "<see cref="Field"/>: <see cref="Reason"/>".</summary>
public sealed class InvalidFieldException : Exception
{
    public InvalidFieldException()
        : this("field", "is invalid")
    {
    }

    public InvalidFieldException(string message)
        : this("field", message)
    {
    }

    public InvalidFieldException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "field";
        Reason = message;
    }

    public InvalidFieldException(string field, string reason)
        : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    public string Field { get; }

    public string Reason { get; }
}
