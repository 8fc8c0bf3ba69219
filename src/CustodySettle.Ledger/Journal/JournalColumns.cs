using System.Numerics;
using CustodySettle.Domain.Money;
using Npgsql;

namespace CustodySettle.Ledger.Journal;

/// <summary>
/// The one SELECT list for <c>ledger_journal</c> rows and its reader, shared by the verifier and the
/// auditors' queries. Amounts are read as <see cref="BigInteger"/>: numeric(78,0) overflows decimal.
/// </summary>
internal static class JournalColumns
{
    public const string Select = """
        j.ledger_id, j.seq, j.transfer_id, j.kind, j.debit_account_id, j.credit_account_id, j.amount,
        j.pending_id, j.code, j.reference,
        j.debit_debits_pending, j.debit_debits_posted, j.debit_credits_pending, j.debit_credits_posted,
        j.credit_debits_pending, j.credit_debits_posted, j.credit_credits_pending, j.credit_credits_posted,
        j.recorded_at, j.prev_hash, j.hash
        """;

    public static JournalEntry Read(NpgsqlDataReader reader) => new(
        LedgerId: reader.GetInt32(0),
        Seq: reader.GetInt64(1),
        TransferId: reader.GetGuid(2),
        Kind: reader.GetString(3),
        DebitAccountId: reader.GetInt64(4),
        CreditAccountId: reader.GetInt64(5),
        Amount: ReadAmount(reader, 6),
        PendingId: reader.IsDBNull(7) ? null : reader.GetGuid(7),
        Code: reader.GetInt32(8),
        Reference: reader.GetString(9),
        DebitAfter: ReadSnapshot(reader, 10),
        CreditAfter: ReadSnapshot(reader, 14),
        RecordedAt: reader.GetFieldValue<DateTimeOffset>(18),
        PrevHash: reader.GetFieldValue<byte[]>(19),
        Hash: reader.GetFieldValue<byte[]>(20));

    public static Amount ReadAmount(NpgsqlDataReader reader, int ordinal) => new(reader.GetFieldValue<BigInteger>(ordinal));

    /// <summary>Four consecutive counters in the schema's order: debits pending, debits posted, credits pending, credits posted.</summary>
    public static BalanceSnapshot ReadSnapshot(NpgsqlDataReader reader, int first) => new(
        ReadAmount(reader, first),
        ReadAmount(reader, first + 1),
        ReadAmount(reader, first + 2),
        ReadAmount(reader, first + 3));
}
