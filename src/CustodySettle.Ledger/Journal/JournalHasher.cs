using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Journal;

/// <summary>
/// The journal's hash chain: hash = SHA-256(prev_hash || canonical(entry)); the first entry of a
/// ledger chains from 32 zero bytes (Formance's practice, ../shared/DOMAIN.md). The canonical encoding
/// is fixed here, field by field, so that anyone can re-verify the chain from the table alone:
/// integers big-endian, UUIDs as their 16 RFC 4122 bytes, text and amounts (decimal ASCII) as a 4-byte
/// big-endian length then the UTF-8 bytes, an absent pending id as 16 zero bytes, the time as
/// microseconds since the Unix epoch (PostgreSQL's timestamptz resolution).
/// </summary>
public static class JournalHasher
{
    /// <summary>The prev_hash of a ledger's first entry.</summary>
    public static byte[] Genesis => new byte[32];

    public static byte[] Hash(byte[] prevHash, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        ArgumentNullException.ThrowIfNull(entry);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prevHash);
        hash.AppendData(Canonical(entry));
        return hash.GetHashAndReset();
    }

    /// <summary>The entry's canonical bytes (every field but prev_hash and hash).</summary>
    public static byte[] Canonical(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream(512);
        Int32(buffer, entry.LedgerId);
        Int64(buffer, entry.Seq);
        Uuid(buffer, entry.TransferId);
        Text(buffer, entry.Kind);
        Int64(buffer, entry.DebitAccountId);
        Int64(buffer, entry.CreditAccountId);
        Money(buffer, entry.Amount);
        Uuid(buffer, entry.PendingId ?? Guid.Empty);
        Int32(buffer, entry.Code);
        Text(buffer, entry.Reference);
        Snapshot(buffer, entry.DebitAfter);
        Snapshot(buffer, entry.CreditAfter);
        Int64(buffer, (entry.RecordedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);
        return buffer.ToArray();
    }

    private static void Snapshot(Stream output, BalanceSnapshot balance)
    {
        Money(output, balance.DebitsPending);
        Money(output, balance.DebitsPosted);
        Money(output, balance.CreditsPending);
        Money(output, balance.CreditsPosted);
    }

    private static void Int32(Stream output, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        output.Write(bytes);
    }

    private static void Int64(Stream output, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        output.Write(bytes);
    }

    private static void Uuid(Stream output, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        output.Write(bytes);
    }

    private static void Money(Stream output, Amount amount) => Text(output, amount.ToString());

    private static void Text(Stream output, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Int32(output, bytes.Length);
        output.Write(bytes);
    }
}
