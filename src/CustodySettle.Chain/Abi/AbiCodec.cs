namespace CustodySettle.Chain.Abi;

/// <summary>
/// <c>abi.encode</c>/<c>abi.decode</c> for a list of types, without a selector: the building block of
/// call data, return data, event data and revert data.
/// </summary>
public static class AbiCodec
{
    /// <summary>Encodes <paramref name="values"/> as the tuple of <paramref name="types"/>.</summary>
    /// <exception cref="ArgumentException">A value does not fit its type (named in the message).</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        return AbiEncoder.EncodeSequence(types, values, "values");
    }

    /// <summary>Decodes <paramref name="data"/> as the tuple of <paramref name="types"/>.</summary>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding of those types.</exception>
    public static object[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return AbiDecoder.DecodeSequence(types, data);
    }
}
