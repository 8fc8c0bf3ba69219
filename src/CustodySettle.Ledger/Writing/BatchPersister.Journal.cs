using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Journal;
using Npgsql;
using NpgsqlTypes;

namespace CustodySettle.Ledger.Writing;

/// <summary>The journal rows, exactly as hashed (recorded_at is already whole microseconds).</summary>
internal static partial class BatchPersister
{
    private static NpgsqlBatchCommand Journal(IReadOnlyList<JournalEntry> entries, DateTimeOffset recordedAt) => new(LedgerSql.InsertJournal)
    {
        Parameters =
        {
            SqlParameters.Array("ledger_ids", NpgsqlDbType.Integer, entries.Select(e => e.LedgerId).ToArray()),
            SqlParameters.Array("seqs", NpgsqlDbType.Bigint, entries.Select(e => e.Seq).ToArray()),
            SqlParameters.Array("transfer_ids", NpgsqlDbType.Uuid, entries.Select(e => e.TransferId).ToArray()),
            SqlParameters.Array("kinds", NpgsqlDbType.Text, entries.Select(e => e.Kind).ToArray()),
            SqlParameters.Array("debits", NpgsqlDbType.Bigint, entries.Select(e => e.DebitAccountId).ToArray()),
            SqlParameters.Array("credits", NpgsqlDbType.Bigint, entries.Select(e => e.CreditAccountId).ToArray()),
            Amounts("amounts", entries, e => e.Amount),
            SqlParameters.Array("pending_ids", NpgsqlDbType.Uuid, entries.Select(e => e.PendingId).ToArray()),
            SqlParameters.Array("codes", NpgsqlDbType.Integer, entries.Select(e => e.Code).ToArray()),
            SqlParameters.Array("references", NpgsqlDbType.Text, entries.Select(e => e.Reference).ToArray()),
            Amounts("ddp", entries, e => e.DebitAfter.DebitsPending),
            Amounts("ddo", entries, e => e.DebitAfter.DebitsPosted),
            Amounts("dcp", entries, e => e.DebitAfter.CreditsPending),
            Amounts("dco", entries, e => e.DebitAfter.CreditsPosted),
            Amounts("cdp", entries, e => e.CreditAfter.DebitsPending),
            Amounts("cdo", entries, e => e.CreditAfter.DebitsPosted),
            Amounts("ccp", entries, e => e.CreditAfter.CreditsPending),
            Amounts("cco", entries, e => e.CreditAfter.CreditsPosted),
            SqlParameters.Array("prev_hashes", NpgsqlDbType.Bytea, entries.Select(e => e.PrevHash).ToArray()),
            SqlParameters.Array("hashes", NpgsqlDbType.Bytea, entries.Select(e => e.Hash).ToArray()),
            SqlParameters.Value("recorded_at", NpgsqlDbType.TimestampTz, recordedAt.UtcDateTime),
        },
    };

    private static NpgsqlParameter Amounts(string name, IReadOnlyList<JournalEntry> entries, Func<JournalEntry, Amount> amount) =>
        SqlParameters.Amounts(name, entries.Select(amount));
}
