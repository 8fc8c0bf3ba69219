using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Signing;

/// <summary>
/// A recoverable secp256k1 signature: r, s and the y parity of the nonce point (0 or 1), which lets
/// the signer's public key be recovered. Signatures made here have s ≤ n/2 (EIP-2).
/// </summary>
public readonly record struct EcdsaSignature
{
    /// <summary>The byte length of r‖s‖v.</summary>
    public const int Size = 65;

    public EcdsaSignature(BigInteger r, BigInteger s, byte yParity)
    {
        if (r.Sign <= 0 || r >= Secp256k1.Order || s.Sign <= 0 || s >= Secp256k1.Order)
        {
            throw new ArgumentOutOfRangeException(nameof(r), "r and s must be in 1..n-1.");
        }

        if (yParity > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(yParity), "The y parity is 0 or 1.");
        }

        R = r;
        S = s;
        YParity = yParity;
    }

    public BigInteger R { get; }

    public BigInteger S { get; }

    /// <summary>0 or 1; a 1559 transaction carries it as is, a legacy one as v = parity + chainId·2 + 35.</summary>
    public byte YParity { get; }

    /// <summary>Whether s ≤ n/2, as EIP-2 requires of transaction signatures.</summary>
    public bool IsLowS => S <= Secp256k1.HalfOrder;

    /// <summary>r (32) ‖ s (32) ‖ v (27 + parity): the 65-byte form of eth_sign.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteRightAligned(R, bytes.AsSpan(0, 32));
        WriteRightAligned(S, bytes.AsSpan(32, 32));
        bytes[64] = (byte)(27 + YParity);
        return bytes;
    }

    /// <summary>Reads r ‖ s ‖ v with v in {0, 1, 27, 28}.</summary>
    public static EcdsaSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size || bytes[64] is not (0 or 1 or 27 or 28))
        {
            throw new FormatException("A signature is 65 bytes r ‖ s ‖ v with v in 0, 1, 27, 28.");
        }

        return new EcdsaSignature(
            new BigInteger(bytes[..32], isUnsigned: true, isBigEndian: true),
            new BigInteger(bytes[32..64], isUnsigned: true, isBigEndian: true),
            (byte)(bytes[64] % 27));
    }

    private static void WriteRightAligned(BigInteger value, Span<byte> destination)
    {
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(destination[^length..], out _, isUnsigned: true, isBigEndian: true);
    }

    public override string ToString() => $"EcdsaSignature(r: {Hex.EncodeQuantity(R)}, s: {Hex.EncodeQuantity(S)}, yParity: {YParity})";
}
