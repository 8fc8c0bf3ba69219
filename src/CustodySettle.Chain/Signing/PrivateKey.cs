using System.Buffers;
using System.Security.Cryptography;
using CustodySettle.Chain.Primitives;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;
using BcECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace CustodySettle.Chain.Signing;

/// <summary>
/// A secp256k1 private key (32 bytes, 1 ≤ k &lt; n) that signs 32-byte hashes. The key never leaves
/// this type: <see cref="ToString"/> shows the address, and no message carries key material.
/// </summary>
public sealed class PrivateKey
{
    /// <summary>The byte length of a key.</summary>
    public const int Size = 32;

    private readonly ECPrivateKeyParameters _parameters;
    private readonly BcECPoint _publicPoint;

    private PrivateKey(BcBigInteger d)
    {
        _parameters = new ECPrivateKeyParameters(d, Secp256k1.Domain);
        _publicPoint = Secp256k1.PublicPoint(d);
        Address = Secp256k1.ToAddress(_publicPoint);
    }

    /// <summary>The account this key controls.</summary>
    public Address Address { get; }

    /// <summary>The 64-byte uncompressed public key (x ‖ y, without the 0x04 prefix).</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicPoint.GetEncoded(compressed: false).AsMemory(1);

    /// <summary>A key from exactly 32 big-endian bytes in 1..n-1.</summary>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A private key is {Size} bytes, not {bytes.Length}.", nameof(bytes));
        }

        var d = new BcBigInteger(1, bytes.ToArray());
        if (d.SignValue == 0 || d.CompareTo(Secp256k1.N) >= 0)
        {
            throw new ArgumentException("A private key must be in 1..n-1 of secp256k1.", nameof(bytes));
        }

        return new PrivateKey(d);
    }

    /// <summary>A key from 64 hex digits, with or without "0x". The message never echoes the input.</summary>
    public static PrivateKey Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        Span<byte> bytes = stackalloc byte[Size];
        try
        {
            if (digits.Length != 2 * Size || Convert.FromHexString(digits, bytes, out _, out _) != OperationStatus.Done)
            {
                throw new FormatException("A private key is 64 hex digits, optionally prefixed with 0x.");
            }

            return FromBytes(bytes);
        }
        catch (ArgumentException)
        {
            throw new FormatException("A private key must be in 1..n-1 of secp256k1.");
        }
        finally
        {
            bytes.Clear();
        }
    }

    /// <summary>A new random key from the operating system's CSPRNG.</summary>
    public static PrivateKey Generate()
    {
        Span<byte> bytes = stackalloc byte[Size];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                var d = new BcBigInteger(1, bytes.ToArray());
                if (d.SignValue > 0 && d.CompareTo(Secp256k1.N) < 0)
                {
                    return new PrivateKey(d);
                }
            }
        }
        finally
        {
            bytes.Clear();
        }
    }

    /// <summary>
    /// Signs a 32-byte hash with deterministic ECDSA (RFC 6979, HMAC-SHA256), normalises s to the
    /// lower half (EIP-2), and finds the y parity by recovering the key from (r, s).
    /// </summary>
    public EcdsaSignature Sign(Hash32 hash)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, _parameters);
        var rs = signer.GenerateSignature(hash.Bytes.ToArray());
        var r = rs[0];
        var s = rs[1].CompareTo(Secp256k1.HalfN) > 0 ? Secp256k1.N.Subtract(rs[1]) : rs[1];
        for (byte parity = 0; parity <= 1; parity++)
        {
            if (_publicPoint.Equals(Secp256k1.RecoverPoint(hash.Bytes, r, s, parity)))
            {
                return new EcdsaSignature(Secp256k1.FromBouncy(r), Secp256k1.FromBouncy(s), parity);
            }
        }

        // Only when r ≥ p − n, which has probability about 2^-128.
        throw new CryptographicException("No y parity recovers the signing key.");
    }

    /// <summary>Shows the address only, e.g. "PrivateKey(for 0xf39F...2266)".</summary>
    public override string ToString() => $"PrivateKey(for {Address})";
}
