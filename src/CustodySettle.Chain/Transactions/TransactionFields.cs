using System.Collections.Immutable;
using System.Numerics;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rlp;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Transactions;

/// <summary>RLP forms of the fields transaction types share (EIP-155, EIP-2930, EIP-1559).</summary>
internal static class TransactionFields
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <summary>A 256-bit scalar (value, gas price, fee caps), range-checked.</summary>
    public static byte[] Quantity(BigInteger value, string field) => value.Sign >= 0 && value < TwoTo256
        ? RlpEncoder.EncodeInteger(value)
        : throw new ArgumentOutOfRangeException(field, $"{field} must be in 0..2^256-1.");

    /// <summary>The recipient, or the empty string for a contract creation.</summary>
    public static byte[] Destination(Address? to) => RlpEncoder.EncodeBytes(to is { } address ? address.Bytes : []);

    /// <summary>EIP-2930: [[address, [storageKey, ...]], ...].</summary>
    public static byte[] AccessList(ImmutableArray<AccessListEntry> entries) => RlpEncoder.EncodeList(
        (entries.IsDefault ? [] : entries).Select(entry => RlpEncoder.EncodeList(
            RlpEncoder.EncodeBytes(entry.Address.Bytes),
            RlpEncoder.EncodeList((entry.StorageKeys.IsDefault ? [] : entry.StorageKeys).Select(key => RlpEncoder.EncodeBytes(key.Bytes))))));

    public static ImmutableArray<AccessListEntry> ReadAccessList(RlpItem item) =>
    [
        .. item.AsList("accessList").Select(entry =>
        {
            var pair = entry.AsList("accessList entry", 2);
            var address = pair[0].AsOptionalAddress("accessList address")
                ?? throw new RlpException("accessList address: empty.");
            var keys = pair[1].AsList("storageKeys").Select(key => key.AsBytes("storageKey").Length == Hash32.Size
                ? Hash32.FromBytes(key.AsBytes("storageKey"))
                : throw new RlpException("storageKey: a storage key is 32 bytes."));
            return new AccessListEntry(address, [.. keys]);
        }),
    ];

    /// <summary>v (y parity or the legacy form), r and s.</summary>
    public static byte[][] Signature(BigInteger v, EcdsaSignature signature) =>
        [RlpEncoder.EncodeInteger(v), RlpEncoder.EncodeInteger(signature.R), RlpEncoder.EncodeInteger(signature.S)];

    /// <summary>Reads r and s, which must be in range and have s ≤ n/2 (EIP-2).</summary>
    public static EcdsaSignature ReadSignature(RlpItem r, RlpItem s, BigInteger yParity)
    {
        EcdsaSignature signature;
        try
        {
            signature = new EcdsaSignature(r.AsInteger("r"), s.AsInteger("s"), (byte)yParity);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException("The signature's r or s is outside 1..n-1.");
        }

        return signature.IsLowS ? signature : throw new FormatException("The signature's s is above n/2 (EIP-2).");
    }
}
