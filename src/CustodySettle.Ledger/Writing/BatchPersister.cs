using CustodySettle.Ledger.Journal;
using Npgsql;
using NpgsqlTypes;

namespace CustodySettle.Ledger.Writing;

/// <summary>
/// Writes a batch's effects and commits, in one round trip of prepared set-based statements: the
/// inserts (idempotency records, new pending rows, journal) on generic plans, then the updates
/// (resolved pending rows, account counters, heads) on custom plans (LedgerSql.CustomPlans), then
/// COMMIT. Records go first: ledger_pending references ledger_transfers. The statements share one Sync, so
/// if any fails PostgreSQL skips the rest, COMMIT included, and the caller rolls back.
/// </summary>
internal static partial class BatchPersister
{
    public static async Task WriteAndCommitAsync(
        NpgsqlConnection connection, IReadOnlyList<TransferSlot> slots, BatchState state,
        IReadOnlyList<JournalEntry> entries, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LedgerSql.GenericPlans));
        // A request naming an unregistered ledger is answered LedgerMismatch without a record: this filter
        // is what keeps ledger_transfers.ledger_id valid since migration 0003 dropped its foreign key.
        var records = slots.Where(s => s.WriteRecord && state.Heads.ContainsKey(s.Request.LedgerId)).ToList();
        if (records.Count > 0)
        {
            batch.BatchCommands.Add(Transfers(records, recordedAt));
        }

        var created = state.Pendings.Values.Where(p => p.IsNew).ToList();
        if (created.Count > 0)
        {
            batch.BatchCommands.Add(NewPendings(created));
        }

        if (entries.Count > 0)
        {
            batch.BatchCommands.Add(Journal(entries, recordedAt));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(LedgerSql.CustomPlans));
        var resolved = state.Pendings.Values.Where(p => !p.IsNew && p.Dirty).ToList();
        if (resolved.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(LedgerSql.UpdatePendings)
            {
                Parameters =
                {
                    SqlParameters.Array("ids", NpgsqlDbType.Uuid, resolved.Select(p => p.TransferId).ToArray()),
                    SqlParameters.Array("states", NpgsqlDbType.Text, resolved.Select(p => p.State).ToArray()),
                    SqlParameters.Array("resolved_by", NpgsqlDbType.Uuid, resolved.Select(p => p.ResolvedBy).ToArray()),
                },
            });
        }

        var accounts = state.Accounts.Values.Where(a => a.Dirty).ToList();
        if (accounts.Count > 0)
        {
            batch.BatchCommands.Add(Accounts(accounts));
        }

        var heads = state.Heads.Values.Where(h => h.Dirty).ToList();
        if (heads.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(LedgerSql.UpdateHeads)
            {
                Parameters =
                {
                    SqlParameters.Array("ledger_ids", NpgsqlDbType.Integer, heads.Select(h => h.LedgerId).ToArray()),
                    SqlParameters.Array("seqs", NpgsqlDbType.Bigint, heads.Select(h => h.Seq).ToArray()),
                    SqlParameters.Array("hashes", NpgsqlDbType.Bytea, heads.Select(h => h.Hash).ToArray()),
                },
            });
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(LedgerSql.Commit));
        await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Transfers(List<TransferSlot> records, DateTimeOffset recordedAt) => new(LedgerSql.InsertTransfers)
    {
        Parameters =
        {
            SqlParameters.Array("ids", NpgsqlDbType.Uuid, records.Select(s => s.Request.Id).ToArray()),
            SqlParameters.Array("ledger_ids", NpgsqlDbType.Integer, records.Select(s => s.Request.LedgerId).ToArray()),
            SqlParameters.Array("kinds", NpgsqlDbType.Text, records.Select(s => OperationKinds.Name(s.Kind)).ToArray()),
            SqlParameters.Array("debits", NpgsqlDbType.Bigint, records.Select(s => s.Request.DebitAccountId).ToArray()),
            SqlParameters.Array("credits", NpgsqlDbType.Bigint, records.Select(s => s.Request.CreditAccountId).ToArray()),
            SqlParameters.Amounts("amounts", records.Select(s => s.Request.Amount)),
            SqlParameters.Array("pending_ids", NpgsqlDbType.Uuid, records.Select(s => s.Request.PendingId).ToArray()),
            SqlParameters.Array("timeouts", NpgsqlDbType.TimestampTz, records.Select(s => SqlParameters.Utc(s.TimeoutAt)).ToArray()),
            SqlParameters.Array("linked_batch_ids", NpgsqlDbType.Uuid, records.Select(s => s.LinkedBatchId).ToArray()),
            SqlParameters.Array("codes", NpgsqlDbType.Integer, records.Select(s => s.Request.Code).ToArray()),
            SqlParameters.Array("references", NpgsqlDbType.Text, records.Select(s => s.Request.Reference).ToArray()),
            SqlParameters.Array("request_hashes", NpgsqlDbType.Bytea, records.Select(s => s.Fingerprint.Hash).ToArray()),
            SqlParameters.Array("requests", NpgsqlDbType.Text, records.Select(s => s.Fingerprint.Json).ToArray()),
            SqlParameters.Array("results", NpgsqlDbType.Text, records.Select(s => ResultNames.Name(s.Result)).ToArray()),
            SqlParameters.Array("journal_seqs", NpgsqlDbType.Bigint, records.Select(s => s.JournalSeq).ToArray()),
            SqlParameters.Value("recorded_at", NpgsqlDbType.TimestampTz, recordedAt.UtcDateTime),
        },
    };

    private static NpgsqlBatchCommand NewPendings(List<PendingState> created) => new(LedgerSql.InsertPendings)
    {
        Parameters =
        {
            SqlParameters.Array("ids", NpgsqlDbType.Uuid, created.Select(p => p.TransferId).ToArray()),
            SqlParameters.Array("ledger_ids", NpgsqlDbType.Integer, created.Select(p => p.LedgerId).ToArray()),
            SqlParameters.Array("debits", NpgsqlDbType.Bigint, created.Select(p => p.DebitAccountId).ToArray()),
            SqlParameters.Array("credits", NpgsqlDbType.Bigint, created.Select(p => p.CreditAccountId).ToArray()),
            SqlParameters.Amounts("amounts", created.Select(p => p.Amount)),
            SqlParameters.Array("states", NpgsqlDbType.Text, created.Select(p => p.State).ToArray()),
            SqlParameters.Array("timeouts", NpgsqlDbType.TimestampTz, created.Select(p => SqlParameters.Utc(p.TimeoutAt)).ToArray()),
            SqlParameters.Array("resolved_by", NpgsqlDbType.Uuid, created.Select(p => p.ResolvedBy).ToArray()),
        },
    };

    private static NpgsqlBatchCommand Accounts(List<AccountState> accounts) => new(LedgerSql.UpdateAccounts)
    {
        Parameters =
        {
            SqlParameters.Array("ids", NpgsqlDbType.Bigint, accounts.Select(a => a.Id).ToArray()),
            SqlParameters.Amounts("dp", accounts.Select(a => a.Balance.DebitsPending)),
            SqlParameters.Amounts("dpo", accounts.Select(a => a.Balance.DebitsPosted)),
            SqlParameters.Amounts("cp", accounts.Select(a => a.Balance.CreditsPending)),
            SqlParameters.Amounts("cpo", accounts.Select(a => a.Balance.CreditsPosted)),
        },
    };
}
