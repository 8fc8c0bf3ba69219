namespace CustodySettle.Chain.Abi;

/// <summary>
/// ABI data that does not decode as the expected types: truncated, with an offset or length outside the
/// data, with non-zero padding, or with a value outside its type's range. Return data and logs come
/// from contracts and nodes, so every such fault surfaces as this exception, never as an index error.
/// </summary>
public sealed class AbiDecodingException : FormatException
{
    public AbiDecodingException()
    {
    }

    public AbiDecodingException(string message)
        : base(message)
    {
    }

    public AbiDecodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
