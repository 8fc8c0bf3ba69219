using System.Security.Cryptography;

namespace CustodySettle.Ledger.Expiry;

/// <summary>
/// The transfer id of a pending transfer's expiry: a name-based UUID (RFC 9562 version 5) of the
/// pending id, so every instance derives the same one and two expiries of one pending transfer collide
/// on ledger_transfers' primary key instead of applying twice.
/// </summary>
internal static class ExpiryIds
{
    /// <summary>This ledger's namespace for expiry ids (a fixed random UUID; never change it).</summary>
    private static readonly Guid Namespace = new("6f1d3c2a-8b4e-4f7a-9c15-2d8e7a4b9f60");

    public static Guid For(Guid pendingId)
    {
        Span<byte> name = stackalloc byte[32];
        Namespace.TryWriteBytes(name[..16], bigEndian: true, out _);
        pendingId.TryWriteBytes(name[16..], bigEndian: true, out _);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 specifies; this is naming, not security.
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(name, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
