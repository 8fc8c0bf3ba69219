using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CustodySettle.Ledger.Queries;

/// <summary>
/// The opaque next-page token: the (ledger, seq) keyset position, a fingerprint of the filter it belongs to,
/// and a checksum, base64url-encoded. Not a secret: it only names a position the caller could query anyway.
/// The fingerprint and checksum make an edited, truncated or foreign token fail loudly instead of silently
/// skipping or repeating entries.
/// </summary>
internal static class JournalPageToken
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 4 + 8 + 8;
    private const int CheckLength = 4;

    public static string Encode(int ledgerId, long seq, string filterKey)
    {
        Span<byte> bytes = stackalloc byte[PayloadLength + CheckLength];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes[1..], ledgerId);
        BinaryPrimitives.WriteInt64BigEndian(bytes[5..], seq);
        Fingerprint(filterKey).CopyTo(bytes[13..]);
        SHA256.HashData(bytes[..PayloadLength])[..CheckLength].CopyTo(bytes[PayloadLength..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The position in <paramref name="token"/>; throws <see cref="ArgumentException"/> when it is not a token of this filter.</summary>
    public static (int LedgerId, long Seq) Decode(string token, string filterKey)
    {
        var bytes = TryBase64Url(token);
        if (bytes is not { Length: PayloadLength + CheckLength } || bytes[0] != Version
            || !SHA256.HashData(bytes.AsSpan(0, PayloadLength)).AsSpan(0, CheckLength).SequenceEqual(bytes.AsSpan(PayloadLength))
            || !Fingerprint(filterKey).AsSpan().SequenceEqual(bytes.AsSpan(13, 8)))
        {
            throw new ArgumentException("the page token is malformed or belongs to another query", nameof(token));
        }

        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(5)));
    }

    private static byte[] Fingerprint(string filterKey) => SHA256.HashData(Encoding.UTF8.GetBytes(filterKey))[..8];

    private static byte[]? TryBase64Url(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }
}
