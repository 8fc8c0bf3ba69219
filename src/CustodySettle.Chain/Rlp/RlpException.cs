namespace CustodySettle.Chain.Rlp;

/// <summary>
/// Input that is not canonical RLP (Yellow Paper, appendix B): truncated, with trailing bytes, or with a
/// length or integer written in a longer form than the shortest one. A <see cref="FormatException"/>,
/// so callers that parse several formats can catch them together.
/// </summary>
public sealed class RlpException : FormatException
{
    public RlpException()
    {
    }

    public RlpException(string message)
        : base(message)
    {
    }

    public RlpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
