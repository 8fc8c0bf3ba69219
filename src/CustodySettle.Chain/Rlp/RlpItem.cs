using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rlp;

/// <summary>A decoded RLP item: a byte string or a list of items.</summary>
internal sealed class RlpItem
{
    private readonly byte[] _bytes;
    private readonly IReadOnlyList<RlpItem> _items;

    private RlpItem(bool isList, byte[] bytes, IReadOnlyList<RlpItem> items)
    {
        IsList = isList;
        _bytes = bytes;
        _items = items;
    }

    public bool IsList { get; }

    public static RlpItem FromBytes(byte[] bytes) => new(false, bytes, []);

    public static RlpItem FromList(IReadOnlyList<RlpItem> items) => new(true, [], items);

    /// <summary>The bytes of a string item.</summary>
    public ReadOnlySpan<byte> AsBytes(string field) => IsList
        ? throw new RlpException($"{field}: expected a byte string, found a list.")
        : _bytes;

    /// <summary>The items of a list, which must number <paramref name="expectedCount"/> when given.</summary>
    public IReadOnlyList<RlpItem> AsList(string field, int? expectedCount = null)
    {
        if (!IsList)
        {
            throw new RlpException($"{field}: expected a list, found a byte string.");
        }

        if (expectedCount is { } count && _items.Count != count)
        {
            throw new RlpException($"{field}: expected {count} items, found {_items.Count}.");
        }

        return _items;
    }

    /// <summary>A scalar: big-endian with no leading zero byte (zero is the empty string).</summary>
    public BigInteger AsInteger(string field, int maxBytes = 32)
    {
        var bytes = AsBytes(field);
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException($"{field}: integer has a leading zero byte (not canonical).");
        }

        if (bytes.Length > maxBytes)
        {
            throw new RlpException($"{field}: integer is longer than {maxBytes} bytes.");
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public ulong AsUInt64(string field) => (ulong)AsInteger(field, sizeof(ulong));

    /// <summary>A 20-byte address, or null for the empty string (a contract creation's "to").</summary>
    public Address? AsOptionalAddress(string field)
    {
        var bytes = AsBytes(field);
        return bytes.Length switch
        {
            0 => null,
            Address.Size => Address.FromBytes(bytes),
            _ => throw new RlpException($"{field}: an address is 20 bytes or empty, not {bytes.Length}."),
        };
    }
}
