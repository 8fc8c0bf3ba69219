using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CustodySettle.Chain.Signing;

/// <summary>
/// The secp256k1 curve as Ethereum uses it (Yellow Paper, appendix F): public-key recovery from a
/// signature, which is how a transaction's sender is known, and address derivation.
/// </summary>
public static class Secp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");

    internal static ECDomainParameters Domain { get; } = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    /// <summary>The group order n.</summary>
    internal static BcBigInteger N => Domain.N;

    /// <summary>n / 2: EIP-2 makes signatures with a larger s invalid.</summary>
    internal static BcBigInteger HalfN { get; } = Curve.N.ShiftRight(1);

    /// <summary>n and n / 2 as System.Numerics values, for the public signature type.</summary>
    internal static System.Numerics.BigInteger Order { get; } = FromBouncy(Curve.N);

    internal static System.Numerics.BigInteger HalfOrder { get; } = FromBouncy(Curve.N.ShiftRight(1));

    /// <summary>The signer of <paramref name="hash"/>; throws <see cref="FormatException"/> when no key recovers.</summary>
    public static Address Recover(Hash32 hash, EcdsaSignature signature) => TryRecover(hash, signature, out var address)
        ? address
        : throw new FormatException("The signature does not recover to a public key.");

    /// <summary>Recovers the signer of <paramref name="hash"/> without throwing.</summary>
    public static bool TryRecover(Hash32 hash, EcdsaSignature signature, out Address address)
    {
        var point = RecoverPoint(hash.Bytes, ToBouncy(signature.R), ToBouncy(signature.S), signature.YParity);
        address = point is null ? default : ToAddress(point);
        return point is not null;
    }

    internal static ECPoint PublicPoint(BcBigInteger privateKey) =>
        new FixedPointCombMultiplier().Multiply(Domain.G, privateKey).Normalize();

    /// <summary>keccak256 of the 64-byte uncompressed key (no 0x04 prefix), last 20 bytes.</summary>
    internal static Address ToAddress(ECPoint publicKey)
    {
        var uncompressed = publicKey.GetEncoded(compressed: false);
        return Address.FromBytes(Keccak256.Hash(uncompressed.AsSpan(1)).AsSpan(Keccak256.Size - Address.Size));
    }

    /// <summary>
    /// SEC 1 v2, 4.1.6: R is the point with x = r and the given y parity; then Q = r⁻¹(sR − eG).
    /// Ethereum only uses parities 0 and 1 (x = r + n is beyond the field with negligible odds).
    /// </summary>
    internal static ECPoint? RecoverPoint(ReadOnlySpan<byte> hash, BcBigInteger r, BcBigInteger s, int yParity)
    {
        if (r.SignValue <= 0 || r.CompareTo(N) >= 0 || s.SignValue <= 0 || s.CompareTo(N) >= 0 || yParity is not (0 or 1))
        {
            return null;
        }

        var x = r.ToByteArrayUnsigned();
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 + yParity);
        x.CopyTo(compressed, 33 - x.Length);
        ECPoint rPoint;
        try
        {
            rPoint = Domain.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return null; // r is not the x of a curve point
        }

        var e = new BcBigInteger(1, hash.ToArray());
        var rInverse = r.ModInverse(N);
        var eFactor = N.Subtract(e).Multiply(rInverse).Mod(N);
        var sFactor = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, eFactor, rPoint, sFactor).Normalize();
        return q.IsInfinity ? null : q;
    }

    internal static BcBigInteger ToBouncy(System.Numerics.BigInteger value) =>
        value.Sign <= 0 ? BcBigInteger.Zero : new BcBigInteger(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));

    internal static System.Numerics.BigInteger FromBouncy(BcBigInteger value) =>
        new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
}
