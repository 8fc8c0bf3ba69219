using System.Security.Cryptography;
using System.Text;

namespace CustodySettle.Custody;

/// <summary>
/// Ledger transfer ids derived from what the custodian reported, so that every retry of a report, even
/// after a crash, submits the same transfer id and the ledger applies it at most once (its idempotency
/// is permanent). A name-based UUID (RFC 9562 section 5.8, version 8) over SHA-256 of the parts.
/// </summary>
public static class CustodyIds
{
    public static Guid StatementLine(string custodianId, string statementId, int lineNo) =>
        Derive("statement-line", custodianId, statementId, lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Guid Confirmation(string custodianId, string confirmationId) => Derive("confirmation", custodianId, confirmationId);

    private static Guid Derive(params string[] parts)
    {
        // Length-prefixed parts: ("a", "bc") and ("ab", "c") never collide.
        var text = new StringBuilder("custodysettle/v1");
        foreach (var part in parts)
        {
            text.Append('|').Append(part.Length).Append(':').Append(part);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10
        return new Guid(bytes, bigEndian: true);
    }
}
